//! Shared workloads for the criterion benchmarks in `benches/`. Filled in by the benchmark work.
