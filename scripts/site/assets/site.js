// Tabs for the Rust translations, copy buttons, and the search box (over chapter titles and the
// Go names of index.toml, from assets/search-index.js). No dependencies, nothing fetched.
"use strict";

(function () {
  function selectTab(tab, focus) {
    var list = tab.closest("[role=tablist]");
    if (!list) return;
    list.querySelectorAll("[role=tab]").forEach(function (t) {
      var on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      var panel = document.getElementById(t.getAttribute("aria-controls"));
      if (panel) panel.hidden = !on;
    });
    if (focus) tab.focus();
  }

  function tabFor(id) {
    if (!id) return null;
    var target = document.getElementById(id);
    var panel = target && target.closest("[role=tabpanel]");
    return panel ? document.getElementById(panel.getAttribute("aria-labelledby")) : null;
  }

  // A link to a translation (#spawn-tokio) or to one of its steps (#spawn-tokio--setup)
  // opens that translation's tab.
  function followHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var tab = tabFor(id);
    if (tab && tab.getAttribute("aria-selected") !== "true") {
      selectTab(tab, false);
      var target = document.getElementById(id);
      if (target && target.getAttribute("role") !== "tabpanel") target.scrollIntoView();
    }
  }

  document.querySelectorAll("[role=tablist]").forEach(function (list) {
    var tabs = Array.prototype.slice.call(list.querySelectorAll("[role=tab]"));
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () {
        selectTab(tab, false);
        history.replaceState(null, "", "#" + tab.getAttribute("aria-controls"));
      });
      tab.addEventListener("keydown", function (e) {
        var next = null;
        if (e.key === "ArrowRight") next = tabs[(i + 1) % tabs.length];
        else if (e.key === "ArrowLeft") next = tabs[(i - 1 + tabs.length) % tabs.length];
        else if (e.key === "Home") next = tabs[0];
        else if (e.key === "End") next = tabs[tabs.length - 1];
        if (next) {
          e.preventDefault();
          selectTab(next, true);
          history.replaceState(null, "", "#" + next.getAttribute("aria-controls"));
        }
      });
    });
  });
  window.addEventListener("hashchange", followHash);
  followHash();

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // file:// and plain http: a hidden textarea and the older command.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button.copy");
    if (!button) return;
    var box = button.closest(".copy-box");
    var src = box && box.querySelector(".copy-src");
    if (!src) return;
    var label = button.textContent;
    copyText(src.textContent).then(function () {
      button.textContent = "Copied";
      button.classList.add("done");
    }, function () {
      button.textContent = "Select and copy";
    }).then(function () {
      setTimeout(function () {
        button.textContent = label;
        button.classList.remove("done");
      }, 1500);
    });
  });

  // Search: every word typed must appear in an entry's title, its note or its terms (a chapter's
  // slug, a Go name's Rust counterparts); chapters come first, as the index lists them. Enter opens the first result; Escape closes the list.
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var base = document.body.getAttribute("data-base") || "";
  function search() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (words.length === 0) { list.hidden = true; return; }
    var items = (window.SEARCH_INDEX || []).filter(function (item) {
      var text = (item.title + " " + item.note + " " + item.terms).toLowerCase();
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    }).slice(0, 20);
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = base + item.href;
      a.textContent = item.title;
      var small = document.createElement("small");
      small.textContent = item.note;
      a.appendChild(small);
      li.appendChild(a);
      list.appendChild(li);
    });
    if (items.length === 0) {
      var none = document.createElement("li");
      none.className = "empty";
      none.textContent = "Nothing matches.";
      list.appendChild(none);
    }
    list.hidden = false;
  }
  if (input && list) {
    input.addEventListener("input", search);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { input.value = ""; search(); }
      if (e.key === "Enter") {
        var first = list.querySelector("a");
        if (first) location.href = first.href;
      }
    });
    document.addEventListener("click", function (e) {
      if (!e.target.closest || !e.target.closest(".search")) list.hidden = true;
    });
  }
})();
