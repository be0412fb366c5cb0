// The site's browser test: serves target/site on 127.0.0.1, loads every page in headless
// Chromium (Debian's chromium package, or Chrome; no browser is downloaded), and checks that
//   - every page loads without console errors, page errors or failed requests, and fetches
//     nothing from outside the site (it may link to https addresses, which are never followed);
//   - no page overflows horizontally at 1280 px or at 400 px, and no code block scrolls sideways
//     at 1280 px (code wraps);
//   - the Go and Rust cells of a step sit side by side at 1280 px and stack at 400 px;
//   - no copy button sits on the code (or the rustc error) it copies;
//   - at 400 px every benchmark chart fits the screen and its text is at least 9 px high;
//   - the benchmark page has a growth chart for every sweep of the report it shows, in its
//     family's section, with a line per Rust flavour and one for Go;
//   - the search box finds a chapter by its title and by a Go name of index.toml;
//   - every chapter page's previous and next links lead to the chapters before and after it in
//     catalog.toml;
//   - every Rust translation's tab opens;
//   - those checks have something to check: a chapter page has at least one step row in every
//     tab and one tab per Rust translation that catalog.toml lists for it, and a museum page
//     has at least one row;
//   - every chapter in catalog.toml is linked from the index, and its page has its title;
//   - with a claims.toml, claims.html is linked from the index, has an element for every claim,
//     its verdict badges are four distinct colours readable in light and dark mode, and its
//     links to Rust examples open that example's tab.
// Screenshots of every page at both widths (and three in dark mode) go to target/site-test/.
//
// Run `cargo xtask site` first, then: node scripts/browser-test/test.mjs
// Environment: CHROMIUM_PATH (the browser binary), SITE_DIR, SITE_TEST_OUT.
// Prints one line per page and ends with "N passed, M failed"; exits 1 on any failure.

import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { parse as parseToml } from "smol-toml";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const SITE = resolve(process.env.SITE_DIR ?? join(ROOT, "target", "site"));
const OUT = resolve(process.env.SITE_TEST_OUT ?? join(ROOT, "target", "site-test"));
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 400, height: 860 };
const PAGE_TIMEOUT_MS = 30_000;
const BENCH_PAGE = "benchmarks.html";

// Headless, and nothing that talks to the network on its own: the machine may have none, and
// background requests would only add noise.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function findBrowser() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ];
  for (const c of candidates) {
    if (c && existsSync(c)) return c;
  }
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("which", [name], { encoding: "utf8" }).trim();
    } catch {
      // not on PATH
    }
  }
  return null;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

// A static file server for the site folder, on 127.0.0.1 and a port the OS picks.
function serve(dir) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let path = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (path !== dir && !path.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    res.end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

// Runs in the page: is anything wider than the viewport?
function overflowIn() {
  const doc = document.documentElement;
  const over = doc.scrollWidth - doc.clientWidth;
  if (over <= 0) return null;
  // Name the widest element that sticks out, to make the failure actionable.
  let worst = null;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > doc.clientWidth + 1 && (!worst || r.right > worst.right)) {
      worst = { right: r.right, what: el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : "") };
    }
  }
  return `${over}px wider than the viewport${worst ? ` (widest: ${worst.what})` : ""}`;
}

// Runs in the page: how the visible rows lay out their cells. Returns one word per row:
// "side" (cells side by side), "stacked" (each below the one before), or "mixed". A page whose
// rows the selectors miss gives [], which the checks of a page's rows must not take for a pass
// (see rowsMissing).
function layoutIn() {
  const rows = [...document.querySelectorAll(".row .pair")].filter((r) => r.offsetParent !== null);
  return rows.map((row) => {
    const cells = [...row.querySelectorAll(":scope > .cell")]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.height > 0);
    if (cells.length < 2) return "side";
    let side = true;
    let stacked = true;
    for (let i = 1; i < cells.length; i++) {
      const a = cells[i - 1];
      const b = cells[i];
      if (!(b.left >= a.right - 1 && Math.abs(b.top - a.top) < 2)) side = false;
      if (!(b.top >= a.bottom - 1)) stacked = false;
    }
    return side ? "side" : stacked ? "stacked" : "mixed";
  });
}

// Runs in the page: code blocks that scroll sideways, copy buttons that overlap what they copy,
// and (at a phone's width) chart text too small to read or off the screen.
function readabilityIn(narrow) {
  const out = [];
  const visible = (el) => el.offsetParent !== null;
  for (const pre of document.querySelectorAll(".code pre")) {
    if (visible(pre) && pre.scrollWidth > pre.clientWidth + 1) {
      out.push(`a code block scrolls sideways (${pre.scrollWidth} > ${pre.clientWidth} px): ${pre.textContent.slice(0, 40)}`);
    }
  }
  for (const box of document.querySelectorAll(".code")) {
    const button = box.querySelector(".copy");
    const pre = box.querySelector("pre");
    if (!button || !pre || !visible(pre)) continue;
    const b = button.getBoundingClientRect();
    const p = pre.getBoundingClientRect();
    if (b.bottom > p.top + 1 && b.top < p.bottom) out.push(`a copy button overlaps its code (${pre.textContent.slice(0, 40)})`);
  }
  if (narrow) {
    for (const t of document.querySelectorAll("svg.chart text")) {
      const r = t.getBoundingClientRect();
      if (r.height === 0) continue;
      if (r.height < 9) out.push(`chart text ${JSON.stringify(t.textContent)} is ${r.height.toFixed(1)} px high`);
      if (r.right > document.documentElement.clientWidth + 1) out.push(`chart text ${JSON.stringify(t.textContent)} runs off the screen`);
    }
  }
  return out.slice(0, 5);
}

// Runs in the page: the colour and background of each verdict badge on the claims page, and
// the contrast between them (WCAG's ratio).
function verdictColoursIn() {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const out = {};
  for (const badge of document.querySelectorAll(".tally .verdict")) {
    const s = getComputedStyle(badge);
    const [a, b] = [lum(rgb(s.color)), lum(rgb(s.backgroundColor))].sort((x, y) => y - x);
    out[badge.textContent.trim()] = { color: s.color, background: s.backgroundColor, contrast: (a + 0.05) / (b + 0.05) };
  }
  return out;
}

// Why the rows a layout check saw cannot stand for the page's rows, or null: a pattern page
// must show at least one step row, a museum page at least one row.
function rowsMissing(kind, layout, where) {
  if (layout.length > 0 || kind === null) return null;
  return kind === "pattern"
    ? `${where}: no step row (.row.step .pair) is visible, so the column checks would check nothing`
    : `${where}: no row (.row .pair) is visible, so the column checks would check nothing`;
}

function shotName(page) {
  return page.replace(/\.html$/, "").replace(/[^a-z0-9-]+/gi, "_");
}

async function main() {
  if (!existsSync(join(SITE, "index.html"))) {
    console.error(`error: ${SITE}/index.html does not exist: run \`cargo xtask site\` first`);
    process.exit(2);
  }
  const browserPath = findBrowser();
  if (!browserPath) {
    console.error("error: no Chromium or Chrome found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH");
    process.exit(2);
  }
  const catalog = parseToml(readFileSync(join(ROOT, "catalog.toml"), "utf8"));
  const patterns = catalog.chapter ?? [];
  const indexFile = join(ROOT, "index.toml");
  const goNames = existsSync(indexFile) ? parseToml(readFileSync(indexFile, "utf8")).go ?? [] : [];
  const patternPages = new Map(patterns.map((p) => [`${p.slug}.html`, p]));
  const claimsFile = join(ROOT, "claims.toml");
  const claims = existsSync(claimsFile) ? parseToml(readFileSync(claimsFile, "utf8")).claim ?? [] : null;

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const server = await serve(SITE);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS, headless: true });
  console.log(`browser: ${browserPath} (${browser.version()}); site: ${SITE} at ${origin}`);

  const failures = [];
  const fail = (page, why) => failures.push(`${page}: ${why}`);
  const context = await browser.newContext({ viewport: WIDE });
  // Nothing may come from outside the site.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url.startsWith("data:")) return route.continue();
    route.request().__external = true;
    return route.abort();
  });

  const queue = ["index.html"];
  const seen = new Set(queue);
  let indexLinks = new Set();
  const external = new Set();
  let passed = 0;

  while (queue.length > 0) {
    const name = queue.shift();
    const t0 = Date.now();
    const before = failures.length;
    const page = await context.newPage();
    const problems = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("requestfailed", (req) => {
      const why = req.__external ? "fetched from outside the site" : req.failure()?.errorText;
      problems.push(`request failed: ${req.url()} (${why})`);
    });
    page.on("response", (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
    });

    const notes = [];
    // What the page must hold: a pattern page its steps and tabs, a museum page its rows.
    const pattern = patternPages.get(name) ?? null;
    const kind = pattern ? "pattern" : name.startsWith("museum/") ? "museum" : null;
    const needRows = (layout, where) => {
      const why = rowsMissing(kind, layout, where);
      if (why) fail(name, why);
    };
    try {
      await page.setViewportSize(WIDE);
      const res = await page.goto(`${origin}/${name}`, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
      if (!res || res.status() !== 200) {
        fail(name, `HTTP ${res ? res.status() : "no response"}`);
      }
      // Follow every link inside the site.
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
      const here = new Set();
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== origin) {
          // A plain link to an https address (documentation) is allowed; it is never followed.
          if (url.protocol === "https:") external.add(href);
          else fail(name, `links outside the site: ${href}`);
          continue;
        }
        const path = url.pathname.replace(/^\//, "") || "index.html";
        here.add(path);
        if (path.endsWith(".html") && !seen.has(path)) {
          seen.add(path);
          queue.push(path);
        }
      }
      if (name === "index.html") indexLinks = here;

      // 1280 px: no overflow, the columns side by side, every tab opens.
      const wideOverflow = await page.evaluate(overflowIn);
      if (wideOverflow) fail(name, `at ${WIDE.width} px: ${wideOverflow}`);
      const wideLayout = await page.evaluate(layoutIn);
      if (wideLayout.some((l) => l !== "side")) {
        fail(name, `at ${WIDE.width} px the columns should sit side by side: ${wideLayout.join(", ")}`);
      }
      for (const why of await page.evaluate(readabilityIn, false)) fail(name, `at ${WIDE.width} px: ${why}`);
      needRows(wideLayout, `at ${WIDE.width} px`);
      const tabs = await page.$$("[role=tab]");
      if (pattern) {
        // One tab per Rust translation the catalog lists, no more and no fewer.
        const want = (pattern.rust ?? []).map((r) => r.example);
        const have = await Promise.all(tabs.map((t) => t.getAttribute("aria-controls")));
        const missing = want.filter((id) => !have.includes(id));
        if (tabs.length !== want.length || missing.length > 0) {
          fail(
            name,
            `${tabs.length} tab(s) [${have.join(", ")}], but catalog.toml lists ${want.length} Rust translation(s) for ${pattern.slug} [${want.join(", ")}]`,
          );
        }
      }
      for (const tab of tabs) {
        await tab.click();
        const panelId = await tab.getAttribute("aria-controls");
        const visible = await page.isVisible(`[id="${panelId}"]`);
        const selected = await tab.getAttribute("aria-selected");
        if (!visible || selected !== "true") fail(name, `the tab for ${panelId} does not open its panel`);
        const layout = await page.evaluate(layoutIn);
        if (layout.some((l) => l !== "side")) fail(name, `${panelId}: columns not side by side at ${WIDE.width} px`);
        for (const why of await page.evaluate(readabilityIn, false)) fail(name, `${panelId} at ${WIDE.width} px: ${why}`);
        needRows(layout, `tab ${panelId} at ${WIDE.width} px`);
      }
      if (tabs.length > 0) {
        await tabs[0].click();
        notes.push(`${tabs.length} tab${tabs.length === 1 ? "" : "s"}`);
      }
      await page.screenshot({ path: join(OUT, `${shotName(name)}-${WIDE.width}.png`) });

      // 400 px: no overflow, and the columns stacked.
      await page.setViewportSize(NARROW);
      const narrowOverflow = await page.evaluate(overflowIn);
      if (narrowOverflow) fail(name, `at ${NARROW.width} px: ${narrowOverflow}`);
      const narrowLayout = await page.evaluate(layoutIn);
      if (narrowLayout.some((l) => l !== "stacked")) {
        fail(name, `at ${NARROW.width} px the columns should stack: ${narrowLayout.join(", ")}`);
      }
      needRows(narrowLayout, `at ${NARROW.width} px`);
      for (const why of await page.evaluate(readabilityIn, true)) fail(name, `at ${NARROW.width} px: ${why}`);
      if (narrowLayout.length > 0) notes.push(`${narrowLayout.length} rows side by side at ${WIDE.width}, stacked at ${NARROW.width}`);
      await page.screenshot({ path: join(OUT, `${shotName(name)}-${NARROW.width}.png`) });

      // Dark mode, for the record: the index, the first pattern and the claims.
      if (["index.html", "claims.html", "go-to-rust.html", BENCH_PAGE].includes(name) || (patterns[0] && name === `${patterns[0].slug}.html`)) {
        await page.setViewportSize(WIDE);
        await page.emulateMedia({ colorScheme: "dark" });
        await page.screenshot({ path: join(OUT, `${shotName(name)}-${WIDE.width}-dark.png`) });
        await page.emulateMedia({ colorScheme: "light" });
      }
    } catch (err) {
      fail(name, `could not be checked: ${err.message.split("\n")[0]}`);
    }
    for (const p of problems) fail(name, p);
    await page.close();

    const ok = failures.length === before;
    if (ok) passed++;
    const ms = Date.now() - t0;
    console.log(`${ok ? "ok  " : "FAIL"} ${name.padEnd(34)} ${notes.join("; ") || "loaded"} (${ms} ms)`);
  }

  // Every chapter of the catalog is linked from the index, its page is the right one, and its
  // previous and next links lead to its neighbours in catalog order.
  let reach = 0;
  let pagerOk = 0;
  for (const p of patterns) {
    const path = `${p.slug}.html`;
    if (!indexLinks.has(path)) {
      fail("index.html", `does not link to pattern ${p.slug} (${path})`);
      continue;
    }
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/${path}`, { timeout: PAGE_TIMEOUT_MS });
      const h1 = (await page.textContent("h1"))?.trim();
      if (h1 !== p.title) fail(path, `its title is ${JSON.stringify(h1)}, the catalog says ${JSON.stringify(p.title)}`);
      else reach++;
      const i = patterns.indexOf(p);
      let ok = true;
      for (const [rel, other] of [["prev", patterns[i - 1]], ["next", patterns[i + 1]]]) {
        const hrefs = await page.$$eval(`a[rel=${rel}]`, (as) => [...new Set(as.map((a) => a.getAttribute("href")))]);
        const want = other ? [`${other.slug}.html`] : [];
        if (hrefs.join() !== want.join()) {
          fail(path, `its ${rel} link goes to [${hrefs.join(", ")}], catalog.toml says [${want.join(", ")}]`);
          ok = false;
        }
      }
      // Follow the link, as a reader would: the page it opens has the neighbour's title.
      const next = patterns[i + 1];
      if (next && ok) {
        await page.click(".pager.bottom a[rel=next]");
        await page.waitForURL(`**/${next.slug}.html`, { timeout: PAGE_TIMEOUT_MS });
        const title = (await page.textContent("h1"))?.trim();
        if (title !== next.title) fail(path, `its next link opens ${JSON.stringify(title)}, not ${JSON.stringify(next.title)}`);
        else pagerOk++;
      } else if (ok) pagerOk++;
    } catch (err) {
      fail(path, `could not be loaded: ${err.message.split("\n")[0]}`);
    }
    await page.close();
  }
  console.log(`catalog: ${reach} of ${patterns.length} chapters reachable from the index with their titles; ${pagerOk} with previous/next links that lead to their neighbours`);

  // The search box: a chapter's title finds its page; a Go name of index.toml finds the pages of
  // the chapters its entry lists.
  {
    const queries = [];
    if (patterns[0]) queries.push({ text: patterns[0].title.split(":")[0], want: `${patterns[0].slug}.html`, what: "a chapter title" });
    const entry = goNames.find((e) => (e.chapters ?? []).some((c) => patterns.some((p) => p.slug === c)));
    if (entry) queries.push({ text: entry.name, want: `${entry.chapters.find((c) => patterns.some((p) => p.slug === c))}.html`, what: "a Go name" });
    const page = await context.newPage();
    let found = 0;
    try {
      await page.goto(`${origin}/index.html`, { timeout: PAGE_TIMEOUT_MS });
      for (const q of queries) {
        await page.fill("#search", "");
        await page.type("#search", q.text);
        const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href")));
        if (!hrefs.includes(q.want)) {
          fail("index.html", `searching ${q.what}, ${JSON.stringify(q.text)}, lists [${hrefs.join(", ")}], not ${q.want}`);
          continue;
        }
        await page.click(`#search-results a[href="${q.want}"]`);
        await page.waitForURL(`**/${q.want}`, { timeout: PAGE_TIMEOUT_MS });
        found++;
        await page.goto(`${origin}/index.html`, { timeout: PAGE_TIMEOUT_MS });
      }
    } catch (err) {
      fail("index.html", `the search could not be checked: ${err.message.split("\n")[0]}`);
    }
    await page.close();
    console.log(`search: ${found} of ${queries.length} queries (${queries.map((q) => q.what).join(", ") || "none"}) lead to their chapter${entry ? "" : "; index.toml has no entry to search for"}`);
  }

  // Every museum page agrees with the catalog, the data the museum test checks: rustc rejects
  // the program unless `rustc = "compiles"`, and only a go_check of "program" has no reporter.
  for (const m of catalog.mistake ?? []) {
    const path = `museum/${m.case}.html`;
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/${path}`, { timeout: PAGE_TIMEOUT_MS });
      const said = await page.getAttribute("[data-rustc]", "data-rustc");
      const want = m.rustc === "compiles" ? "compiles" : "rejects";
      if (said !== want) fail(path, `says rustc ${said}, but catalog.toml has rustc = ${JSON.stringify(m.rustc)}`);
      const verdict = (await page.textContent(".takeaway")) ?? "";
      if (want === "rejects" && /compiles too/.test(verdict)) fail(path, `its verdict says the program compiles: ${verdict}`);
      if (want === "compiles" && !/compiles too/.test(verdict)) fail(path, `its verdict does not say the program compiles: ${verdict}`);
      const body = (await page.textContent("body")) ?? "";
      if ((m.go_check === "program") === /Reported by/.test(body)) {
        fail(path, `go_check = ${JSON.stringify(m.go_check)}, but the page ${m.go_check === "program" ? "names a reporter" : "names none"}`);
      }
    } catch (err) {
      fail(path, `could not be checked: ${err.message.split("\n")[0]}`);
    }
    await page.close();
  }
  console.log(`museum: ${(catalog.mistake ?? []).length} pages checked against catalog.toml`);

  // The claims page: linked from the index, an anchor per claim, verdict badges distinct and
  // readable in both schemes, and links to Rust examples that open the example's tab.
  if (claims === null) {
    console.log("claims: no claims.toml, no claims page expected");
  } else if (!indexLinks.has("claims.html")) {
    fail("index.html", "does not link to claims.html");
  } else {
    const page = await context.newPage();
    let tabLinks = [];
    try {
      await page.goto(`${origin}/claims.html`, { timeout: PAGE_TIMEOUT_MS });
      for (const c of claims) {
        if ((await page.locator(`[id="${c.id}"]`).count()) !== 1) fail("claims.html", `no element with id ${c.id}`);
      }
      for (const scheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme: scheme });
        const colours = await page.evaluate(verdictColoursIn);
        const names = Object.keys(colours);
        if (names.length !== 4) fail("claims.html", `${names.length} verdict badges in the summary, expected 4`);
        const distinct = new Set(names.map((n) => colours[n].color + "|" + colours[n].background));
        if (distinct.size !== names.length) fail("claims.html", `${scheme}: verdict badges share colours`);
        for (const n of names) {
          if (colours[n].contrast < 4.5) {
            fail("claims.html", `${scheme}: badge "${n}" has contrast ${colours[n].contrast.toFixed(2)}, below 4.5`);
          }
        }
      }
      await page.emulateMedia({ colorScheme: "light" });
      tabLinks = await page.$$eval(".evidence .ev-example a[href]", (as) => [...new Set(as.map((a) => a.getAttribute("href")))]);
    } catch (err) {
      fail("claims.html", `could not be checked: ${err.message.split("\n")[0]}`);
    }
    await page.close();
    let opened = 0;
    for (const href of tabLinks) {
      const id = href.split("#")[1];
      const p = await context.newPage();
      try {
        await p.goto(`${origin}/${href}`, { timeout: PAGE_TIMEOUT_MS });
        const selected = await p.getAttribute(`[role=tab][aria-controls="${id}"]`, "aria-selected", { timeout: 5_000 });
        if (selected !== "true" || !(await p.isVisible(`[id="${id}"]`))) fail("claims.html", `${href} does not open the ${id} tab`);
        else opened++;
      } catch (err) {
        fail("claims.html", `${href} could not be checked: ${err.message.split("\n")[0]}`);
      }
      await p.close();
    }
    console.log(`claims: ${claims.length} claims with anchors; ${opened} of ${tabLinks.length} example links open their tab; ${external.size} external links (not followed)`);
  }

  // The benchmark page: every sweep of the report it shows (a twin measured at two values or
  // more of its threads, tasks or message size) has its growth chart in its family's section,
  // with one line per Rust flavour and one for Go. Rows carry their value as `param`; reports
  // older than that have it only in the key (`locks.mutex.t4`), and only thread counts.
  if (!indexLinks.has(BENCH_PAGE)) {
    fail("index.html", `does not link to ${BENCH_PAGE}`);
  } else {
    const page = await context.newPage();
    let checked = 0;
    try {
      await page.goto(`${origin}/${BENCH_PAGE}`, { timeout: PAGE_TIMEOUT_MS });
      const path = await page.getAttribute("[data-report]", "data-report");
      const report = JSON.parse(readFileSync(resolve(ROOT, path), "utf8"));
      const sweeps = new Map();
      for (const row of report.rows) {
        const old = row.param ? null : row.key.match(/^(.*)\.t(\d+)$/);
        if (!row.param && !old) continue;
        const twin = old ? old[1] : row.key.slice(0, row.key.lastIndexOf("."));
        const s = sweeps.get(twin) ?? { family: row.family, values: new Set(), lines: new Set() };
        s.values.add(row.param?.value ?? Number(old[2]));
        if (row.rust) s.lines.add(`rust ${row.flavour}`);
        if (row.go) s.lines.add("go");
        sweeps.set(twin, s);
      }
      const want = [...sweeps].filter(([, s]) => s.values.size >= 2);
      const drawn = await page.$$eval("svg.growth", (svgs) => svgs.map((svg) => svg.dataset.twin));
      if (drawn.length !== want.length) {
        fail(BENCH_PAGE, `${drawn.length} growth charts, but ${path} has ${want.length} sweeps of two values or more`);
      }
      for (const [twin, s] of want) {
        const lines = await page.$$eval(`section#bench-${s.family} svg.growth[data-twin="${twin}"] polyline`, (ps) => ps.length);
        if (lines !== s.lines.size) fail(BENCH_PAGE, `${twin}: ${lines} lines in its growth chart under ${s.family}, ${path} has ${s.lines.size} (Rust flavours and Go)`);
        else checked++;
      }
      await page.setViewportSize(NARROW);
      const right = await page.$$eval("svg.growth", (svgs) => Math.max(0, ...svgs.map((svg) => svg.getBoundingClientRect().right)));
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      if (right > width + 1) fail(BENCH_PAGE, `at ${NARROW.width} px a growth chart runs off the screen (${right} > ${width} px)`);
      await page.locator("svg.growth").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUT, `bench-growth-${NARROW.width}.png`) });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.screenshot({ path: join(OUT, `bench-growth-${NARROW.width}-dark.png`) });
    } catch (err) {
      fail(BENCH_PAGE, `the growth charts could not be checked: ${err.message.split("\n")[0]}`);
    }
    await page.close();
    console.log(`benchmarks: ${checked} growth charts with a line per Rust flavour and Go`);
  }

  await browser.close();
  server.close();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const pages = seen.size;
  if (failures.length > 0) {
    console.log(`\n${failures.length} problem(s):`);
    for (const f of failures) console.log(`  - ${f}`);
  }
  console.log(`screenshots: ${OUT}`);
  console.log(`site: ${passed} passed, ${pages - passed} failed (${pages} pages, ${secs}s)`);
  process.exit(failures.length > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`error: ${err.stack ?? err}`);
  process.exit(2);
});
