"use strict";
// The dashboard: plain JS, no build step. Every panel reads the public HTTP API and degrades to
// "not available" on its own when its route answers 404, so the page works while features land.
(function () {
  const DATASETS = ["raw", "staging", "features_v1", "features_v2"];
  const BUCKETS = ["onTime", "late0To24h", "late24To48h", "lateOver48h"];
  const BUCKET_LABELS = { onTime: "on time", late0To24h: "late < 24 h", late24To48h: "late 24–48 h", lateOver48h: "late > 48 h" };
  const SVG = "http://www.w3.org/2000/svg";
  const ENDED = ["Completed", "CompletedWithFailures", "Failed", "Canceled", "Rejected", "Terminated"];
  const page = new URLSearchParams(window.location.search);
  const refreshMs = Math.max(1000, Number(page.get("refresh") || 5000));
  let selected = null;

  // A Functions host guards the API with a key; the page was opened with it, so pass it on.
  function apiUrl(path, params) {
    const url = new URL("/api/" + path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) if (v) url.searchParams.set(k, v);
    if (page.get("code")) url.searchParams.set("code", page.get("code"));
    return url;
  }

  async function get(path, params) {
    try {
      const response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" } });
      const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
      return { ok: response.ok, status: response.status, body };
    } catch (error) {
      return { ok: false, status: 0, body: null };
    }
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "class") node.className = v; else node.setAttribute(k, v);
    }
    for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  function unavailable(container, what, status) {
    container.replaceChildren(el("p", { class: "unavailable", "data-status": status }, `${what} not available` + (status ? ` (HTTP ${status})` : "")));
  }

  function addDays(date, days) {
    const d = new Date(date + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "–";
    if (seconds < 60) return `${seconds}s`;
    if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
    return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
  }

  // ---- partition grid ----
  function renderGrid(table, grids) {
    const days = grids.find(g => g)?.days.map(d => d.date) || [];
    const head = el("tr", {}, el("th"), days.map(d => el("th", { scope: "col" }, d.slice(5))));
    const rows = DATASETS.map((dataset, i) => {
      const grid = grids[i];
      if (!grid) return el("tr", { "data-dataset": dataset }, el("th", { scope: "row" }, dataset), el("td", { class: "unavailable", colspan: days.length }, "not available"));
      return el("tr", { "data-dataset": dataset }, el("th", { scope: "row" }, dataset), grid.days.map(day => {
        const cell = el("td", {
          class: `cell state-${day.state}` + (selected && selected.dataset === dataset && selected.date === day.date ? " selected" : ""),
          "data-dataset": dataset, "data-date": day.date, "data-state": day.state, "data-commit": day.commitId,
          title: tooltip(dataset, day), tabindex: 0,
        });
        cell.addEventListener("click", () => {
          document.getElementById("history").hidden = true;
          showDetails(dataset, day, cell);
        });
        return cell;
      }));
    });
    table.replaceChildren(el("thead", {}, head), el("tbody", {}, rows));
  }

  function tooltip(dataset, day) {
    const lines = [`${dataset} ${day.date}: ${day.state}`];
    if (day.commitId) lines.push(`commit ${day.commitId}`);
    if (day.runId) lines.push(`run ${day.runId}`);
    if (day.codeVersion) lines.push(`code ${day.codeVersion}`);
    if (day.rows !== null && day.rows !== undefined) lines.push(`${day.rows} rows`);
    for (const v of day.validation || []) lines.push(`${v.status} ${v.name}${v.column ? " (" + v.column + ")" : ""}: ${v.message}`);
    if (day.reason) lines.push(day.reason);
    return lines.join("\n");
  }

  function showDetails(dataset, day, cell) {
    selected = { dataset, date: day.date };
    document.querySelectorAll("#grid td.selected").forEach(c => c.classList.remove("selected"));
    cell?.classList.add("selected");
    const box = document.getElementById("details");
    const facts = [["partition", `${dataset}/${day.date}`], ["state", day.state], ["commit", day.commitId], ["run", day.runId],
      ["code version", day.codeVersion], ["rows", day.rows], ["committed at", day.committedAt], ["reason", day.reason]];
    const validation = (day.validation || []).length === 0 ? el("p", { class: "meta" }, "no validation results") :
      el("table", { class: "validation" }, el("tr", {}, ["check", "status", "observed", "threshold", "message"].map(h => el("th", {}, h))),
        day.validation.map(v => el("tr", { "data-check": v.name },
          el("td", {}, v.name + (v.column ? ` (${v.column})` : "")), el("td", { class: `v-${v.status}` }, v.status),
          el("td", {}, v.observed ?? "–"), el("td", {}, v.threshold ?? "–"), el("td", {}, v.message))));
    const history = el("button", { type: "button", id: "history-button" }, "history");
    history.addEventListener("click", () => showHistory(dataset, day.date));
    box.replaceChildren(el("dl", {}, facts.filter(([, v]) => v !== null && v !== undefined).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])), validation, history);
    box.hidden = false;
  }

  // ---- partition history ----
  // Its own box, so the refresh loop, which redraws the details, leaves an open history alone.
  async function showHistory(dataset, date) {
    const box = document.getElementById("history");
    box.hidden = false;
    const history = await get(`partitions/${encodeURIComponent(dataset)}/${encodeURIComponent(date)}/history`);
    if (history.ok) renderHistory(box, history.body); else unavailable(box, `history of ${dataset}/${date}`, history.status);
  }

  function renderHistory(box, data) {
    const head = ["commit", "state", "run", "trigger", "code version", "config hash", "write mode", "rows", "content hash", "validation", "inputs"];
    box.replaceChildren(
      el("p", {}, el("strong", {}, `${data.dataset}/${data.date}`), el("span", { class: "meta" }, ` ${data.commits.length} of ${data.total} commits, newest first`)),
      el("table", { class: "history", "data-dataset": data.dataset, "data-date": data.date },
        el("tr", {}, head.map(h => el("th", {}, h))),
        data.commits.map(c => el("tr", { "data-commit": c.commitId, "data-state": c.state },
          el("td", {}, c.commitId), el("td", { class: "state" }, c.state), el("td", {}, c.runId), el("td", {}, c.trigger), el("td", {}, c.codeVersion),
          el("td", {}, c.configHash), el("td", {}, c.writeMode), el("td", {}, c.rows), el("td", {}, c.contentHash),
          // A count per status, then only the checks that did not pass: those say why a commit was rejected.
          el("td", {}, el("div", { class: "meta" }, ["pass", "warn", "fail"].map(status => [status, (c.validationResults || []).filter(v => v.status === status).length])
            .filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`).join(" ")),
            (c.validationResults || []).filter(v => v.status !== "pass").map(v => el("div", { "data-check": v.name, class: `v-${v.status}` },
              `${v.status} ${v.name}${v.column ? " (" + v.column + ")" : ""}: ${v.message}`))),
          el("td", {}, (c.inputs || []).map(i => {
            // Opens the input's own history here, through the same route (and function key) as every panel.
            const link = el("a", { href: "#", "data-dataset": i.dataset, "data-date": i.date }, `${i.dataset}/${i.date}@${i.commitId}`);
            link.addEventListener("click", e => { e.preventDefault(); showHistory(i.dataset, i.date); });
            return el("div", {}, link);
          }))))));
  }

  // ---- backfills ----
  function renderBackfills(container, list) {
    if (list.length === 0) { container.replaceChildren(el("p", { class: "meta" }, "no backfills yet")); return; }
    container.replaceChildren(...list.map(b => {
      const c = b.counts;
      const finished = c.succeeded + c.skipped;
      const pct = n => c.total === 0 ? 0 : (100 * n / c.total);
      const done = Math.round(pct(finished + c.failed + c.blocked));
      const bar = el("div", { class: "progress", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": done, "data-id": b.id },
        el("div", { class: "done", style: `width:${pct(finished)}%` }),
        el("div", { class: "failed", style: `width:${pct(c.failed + c.blocked)}%` }),
        el("div", { class: "running", style: `width:${pct(c.running)}%` }));
      const active = !ENDED.includes(b.status);
      return el("div", { class: "backfill" + (active ? " active" : ""), "data-id": b.id, "data-status": b.status },
        el("div", {}, el("div", { class: "id" }, b.id), el("div", { class: "meta" }, `${b.request.target} · ${b.request.partitions}`)),
        bar,
        el("div", { class: "meta" }, `${b.status} · ${finished}/${c.total} done` + (c.failed ? ` · ${c.failed} failed` : "") +
          (c.running ? ` · ${c.running} running` : "") + (active ? ` · ETA ${duration(b.etaSeconds)}` : "")));
    }));
  }

  // The running backfill, or else the newest: its detail carries the throughput (items finished per minute, p50/p95).
  function throughputSubject(list) {
    return list.find(b => !ENDED.includes(b.status)) || list[0] || null;
  }

  function renderThroughput(container, backfill) {
    const t = backfill.throughput;
    const perMinute = t.perMinute, width = 240, height = 40, max = Math.max(1, ...perMinute);
    const points = perMinute.map((n, i) => `${(i * width / (perMinute.length - 1)).toFixed(1)},${(height - 2 - n * (height - 4) / max).toFixed(1)}`).join(" ");
    const line = svg("svg", { id: "throughput-sparkline", width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Items finished per minute, last 60 minutes", "data-id": backfill.id, "data-total": perMinute.reduce((a, b) => a + b, 0),
      "data-max": Math.max(...perMinute), "data-per-minute": perMinute.join(",") });
    line.append(svg("polyline", { class: "sparkline", points }));
    const ms = v => v === null || v === undefined ? "–" : (v < 1000 ? `${v} ms` : `${(v / 1000).toFixed(1)} s`);
    container.replaceChildren(el("div", { class: "throughput", "data-id": backfill.id },
      el("span", { class: "meta" }, `${backfill.id} · items/min, last 60 min to ${t.windowEnd.slice(11, 16)} UTC (peak ${Math.max(...perMinute)})`),
      line,
      el("span", { class: "meta" }, "item duration p50 ", el("strong", { id: "p50", "data-ms": t.p50Milliseconds ?? "" }, ms(t.p50Milliseconds)),
        " · p95 ", el("strong", { id: "p95", "data-ms": t.p95Milliseconds ?? "" }, ms(t.p95Milliseconds)), ` · ${t.finished} finished`)));
  }

  // ---- pointers ----
  function renderPointer(container, pointer) {
    const history = (pointer.history || []).slice().reverse();
    container.replaceChildren(el("div", { class: "pointer", "data-name": pointer.name, "data-current": pointer.current },
      el("p", {}, el("strong", {}, pointer.name), " → ", el("strong", { class: "current" }, pointer.current),
        el("span", { class: "meta" }, ` sequence ${pointer.sequence} · flipped ${pointer.flippedAt || "–"} by ${pointer.flippedBy || "–"}`)),
      el("table", {}, el("tr", {}, ["sequence", "version", "flipped at", "by"].map(h => el("th", {}, h))),
        history.map(h => el("tr", {}, el("td", {}, h.sequence), el("td", {}, h.version), el("td", {}, h.flippedAt), el("td", {}, h.flippedBy))))));
  }

  // ---- versions ----
  // One row per feature version: its version state decides whether the daily run builds it.
  function renderVersions(container, data) {
    const head = ["version", "state", "daily from", "since", "committed watermark", "first", "last", "gaps"];
    container.replaceChildren(el("table", { class: "versions", "data-live": data.live },
      el("tr", {}, head.map(h => el("th", {}, h))),
      (data.versions || []).map(v => el("tr", { "data-version": v.version, "data-state": v.state || "" },
        el("td", {}, v.version), el("td", { class: "state" }, v.state || "–"), el("td", {}, v.dailyFrom || "–"), el("td", {}, v.since || "–"),
        el("td", {}, v.committedWatermark || "–"), el("td", {}, v.firstCommittedDay || "–"), el("td", {}, v.lastCommittedDay || "–"),
        el("td", { class: "gaps" }, v.gaps || "–")))));
  }

  // ---- late data ----
  function renderLateChart(container, data) {
    const days = data.days || [];
    const width = Math.max(320, days.length * 22 + 50), height = 220, left = 40, top = 18, bottom = 34;
    const plot = height - top - bottom, step = (width - left - 10) / Math.max(1, days.length), bar = Math.max(4, step * 0.7);
    const total = d => BUCKETS.reduce((s, b) => s + (d[b] || 0), 0);
    const max = Math.max(1, ...days.map(total));
    const x = i => left + i * step + (step - bar) / 2;
    const chart = svg("svg", { id: "late-chart", width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Late data per event day by lateness bucket", "data-watermark": data.watermark || "", "data-rolling-days": data.rollingDays ?? "" });
    const index = date => days.findIndex(d => d.date === date);
    const wm = data.watermark ? index(data.watermark) : -1;
    days.forEach((d, i) => {
      const group = svg("g", { class: "day", "data-date": d.date, "data-total": total(d) });
      let y = top + plot;
      for (const bucket of BUCKETS) {
        const n = d[bucket] || 0;
        const h = plot * n / max;
        y -= h;
        const rect = svg("rect", { class: `segment late-${bucket}`, x: x(i), y, width: bar, height: h, "data-bucket": bucket, "data-count": n });
        rect.append(svg("title"));
        rect.firstChild.textContent = `${d.date} ${BUCKET_LABELS[bucket]}: ${n}`;
        group.append(rect);
      }
      if ((d.beyondWatermarkPending || 0) > 0) {
        group.append(svg("rect", { class: "beyond", x: x(i) - 1, y: y - 1, width: bar + 2, height: top + plot - y + 2, "data-count": d.beyondWatermarkPending }));
        const label = svg("text", { class: "beyond-label", x: x(i) + bar / 2, y: Math.max(10, y - 4), "text-anchor": "middle" });
        label.textContent = d.beyondWatermarkPending;
        group.append(label);
      }
      if (i % Math.ceil(days.length / 15 || 1) === 0) {
        const tick = svg("text", { class: "axis", x: x(i) + bar / 2, y: height - bottom + 12, "text-anchor": "middle" });
        tick.textContent = d.date.slice(5);
        group.append(tick);
      }
      chart.append(group);
    });
    if (wm >= 0 && data.rollingDays > 0) {
      // The rolling reprocess rebuilds the days just before the watermark; drawn over the bars as a tint.
      const first = Math.max(0, wm - data.rollingDays);
      chart.append(svg("rect", { class: "rolling-window", x: left + first * step, y: top, width: (wm - first) * step, height: plot,
        "data-from": days[first].date, "data-to": days[Math.max(first, wm - 1)].date }));
    }
    if (wm >= 0) {
      const lx = left + (wm + 1) * step;
      chart.append(svg("line", { class: "watermark", x1: lx, x2: lx, y1: top - 6, y2: top + plot, "data-date": data.watermark }));
      const label = svg("text", { class: "axis", x: lx - 3, y: top - 8, "text-anchor": "end" });
      label.textContent = `watermark ${data.watermark}`;
      chart.append(label);
    }
    const maxLabel = svg("text", { class: "axis", x: 2, y: top + 8 });
    maxLabel.textContent = String(max);
    chart.append(maxLabel);
    container.replaceChildren(chart);
  }

  function renderLateLegend() {
    const legend = document.getElementById("late-legend");
    legend.replaceChildren(...BUCKETS.flatMap(b => [el("span", { class: `swatch late-swatch late-${b}` }), BUCKET_LABELS[b]]),
      el("span", { class: "swatch", style: "border:2px solid #d33a2c" }), "beyond watermark (pending)",
      el("span", { class: "swatch", style: "background:#2f6fdb33" }), "rolling window");
  }

  // ---- refresh loop ----
  async function refresh() {
    let from = page.get("from"), to = page.get("to");
    if (!from || !to) {
      // Without a range, show the 30 days up to raw's newest partition: the last days that have data.
      const raw = await get("partitions/raw", { from, to });
      if (raw.ok) { from = raw.body.from; to = raw.body.to; }
    }
    document.getElementById("from").value = from || "";
    document.getElementById("to").value = to || "";
    const [grids, backfills, pointer, versions, late] = await Promise.all([
      Promise.all(DATASETS.map(d => get("partitions/" + d, { from, to }))),
      get("backfills", { top: "10" }),
      get("pointers/features"),
      get("versions"),
      get("late-data", { from, to }),
    ]);
    const bodies = grids.map(g => g.ok ? g.body : null);
    renderGrid(document.getElementById("grid"), bodies);
    if (selected) {
      const day = bodies[DATASETS.indexOf(selected.dataset)]?.days.find(d => d.date === selected.date);
      if (day) showDetails(selected.dataset, day, document.querySelector(`#grid td[data-dataset="${selected.dataset}"][data-date="${selected.date}"]`));
    }
    if (backfills.ok) renderBackfills(document.getElementById("backfills"), backfills.body); else unavailable(document.getElementById("backfills"), "backfills", backfills.status);
    const subject = backfills.ok ? throughputSubject(backfills.body) : null;
    const detail = subject ? await get("backfills/" + encodeURIComponent(subject.id)) : null;
    if (detail?.ok && detail.body.throughput) renderThroughput(document.getElementById("throughput"), detail.body);
    else if (detail) unavailable(document.getElementById("throughput"), "throughput", detail.status);
    else document.getElementById("throughput").replaceChildren();
    if (pointer.ok) renderPointer(document.getElementById("pointers"), pointer.body); else unavailable(document.getElementById("pointers"), "pointer", pointer.status);
    if (versions.ok) renderVersions(document.getElementById("versions"), versions.body); else unavailable(document.getElementById("versions"), "versions", versions.status);
    if (late.ok) renderLateChart(document.getElementById("late-data"), late.body); else unavailable(document.getElementById("late-data"), "late-data metrics", late.status);
    // The actions (dashboard-actions.js) add their buttons to the redrawn rows and keep what they act on.
    document.dispatchEvent(new CustomEvent("dashboard:refreshed", {
      detail: { backfills: backfills.ok ? backfills.body : [], pointer: pointer.ok ? pointer.body : null, versions: versions.ok ? versions.body : null },
    }));
    document.getElementById("updated").textContent = "updated " + new Date().toISOString().slice(11, 19) + " UTC";
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  }

  async function loop() {
    try { await refresh(); } finally { setTimeout(loop, refreshMs); }
  }

  document.getElementById("range").addEventListener("submit", e => {
    e.preventDefault();
    page.set("from", document.getElementById("from").value);
    page.set("to", document.getElementById("to").value);
    window.history.replaceState(null, "", "?" + page.toString());
    refresh();
  });

  window.BackfillDashboard = { renderLateChart, renderGrid, renderBackfills, renderThroughput, renderPointer, renderVersions, refresh, addDays, apiUrl, el, ENDED };
  renderLateLegend();
  loop();
})();
