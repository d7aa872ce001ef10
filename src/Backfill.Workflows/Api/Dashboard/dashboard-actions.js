"use strict";
// Dashboard actions: plan and start backfills from the grid, control a backfill from its row, rebuild a partition and
// its downstream, flip and roll back the pointer. Each is one call of the public HTTP API (with the page's function
// key, as every read), and each that writes first shows what it will write and waits for a confirm.
(function () {
  const { el, apiUrl, refresh, addDays, ENDED } = window.BackfillDashboard;
  const LAYERS = ["raw", "staging", "features"];
  const POINTER = "features";
  const layerOf = dataset => dataset.startsWith("features_") ? "features" : dataset;
  let picked = [];
  let anchor = null;
  let latest = { backfills: [], pointer: null, versions: null };

  async function call(method, path, body) {
    try {
      const response = await fetch(apiUrl(path), {
        method, headers: { Accept: "application/json", "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
      return { ok: response.ok, status: response.status, body: data };
    } catch (error) {
      return { ok: false, status: 0, body: { title: "The API did not answer.", detail: String(error) } };
    }
  }

  // RFC 9457 problem details: the title and detail, one line per field the API named, then what else it said.
  function problem(result) {
    const p = result.body || {};
    const known = ["type", "title", "status", "detail", "errors", "instance"];
    const text = v => Array.isArray(v) ? v.map(text).join(", ") : v !== null && typeof v === "object" ? Object.values(v).map(text).join(" ") : String(v);
    return el("div", { class: "problem", role: "alert", "data-status": result.status },
      el("strong", {}, p.title || `HTTP ${result.status}`), p.detail ? " " + p.detail : "",
      Object.entries(p.errors || {}).map(([field, messages]) => el("div", { "data-field": field }, el("code", {}, field), ": ", messages.join(" "))),
      Object.entries(p).filter(([k, v]) => !known.includes(k) && v !== null).map(([k, v]) => el("div", { "data-extension": k, class: "meta" }, `${k}: ${text(v)}`)));
  }

  function say(node) {
    document.getElementById("action-status").replaceChildren(node);
  }

  // ---- confirm dialog ----
  // Every action that writes goes through here: it shows what will be written, and nothing is sent before the confirm.
  // Without a confirm label (the checks refused it) the dialog only explains.
  function confirmThen(title, content, label, action) {
    const dialog = document.getElementById("confirm");
    const result = el("div", { id: "confirm-result" });
    const close = el("button", { type: "button", id: "confirm-close" }, "Close");
    close.addEventListener("click", () => dialog.close());
    const buttons = el("div", { class: "buttons" }, close);
    if (label) {
      const ok = el("button", { type: "button", id: "confirm-ok" }, label);
      ok.addEventListener("click", async () => {
        ok.disabled = true;
        const outcome = await action();
        if (outcome.ok) {
          dialog.close();
          say(outcome.message);
          refresh();
        } else {
          result.replaceChildren(problem(outcome));
          ok.disabled = false;
        }
      });
      buttons.prepend(ok);
    }
    dialog.replaceChildren(el("h3", {}, title), content, result, buttons);
    if (!dialog.open) dialog.showModal();
  }

  // ---- selection and plan ----
  function cellsBetween(a, b) {
    const datasets = [...document.querySelectorAll("#grid tr[data-dataset]")].map(r => r.dataset.dataset);
    const [d1, d2] = [datasets.indexOf(a.dataset), datasets.indexOf(b.dataset)].sort((x, y) => x - y);
    const [from, to] = [a.date, b.date].sort();
    return [...document.querySelectorAll("#grid td.cell")].map(c => ({ dataset: c.dataset.dataset, date: c.dataset.date }))
      .filter(c => c.date >= from && c.date <= to && datasets.indexOf(c.dataset) >= d1 && datasets.indexOf(c.dataset) <= d2);
  }

  // A click picks one cell, a shift-click every cell between it and the last click; the form then asks for those days and layers.
  function pick(event) {
    const cell = event.target.closest("td.cell");
    if (!cell) return;
    const here = { dataset: cell.dataset.dataset, date: cell.dataset.date };
    // A backfill fills one feature version: the one clicked (or first clicked), not the other versions' rows between.
    const version = [here, anchor].map(c => c?.dataset).find(d => d?.startsWith("features_"));
    picked = event.shiftKey && anchor ? cellsBetween(anchor, here).filter(c => !c.dataset.startsWith("features_") || c.dataset === version) : [here];
    if (!event.shiftKey) anchor = here;
    const days = [...new Set(picked.map(c => c.date))].sort();
    const form = document.getElementById("plan-form");
    form.partitions.value = days.length === 1 ? days[0] : `${days[0]}..${days[days.length - 1]}`;
    const layers = picked.map(c => LAYERS.indexOf(layerOf(c.dataset)));
    form.querySelectorAll("input[name=layers]").forEach((box, i) => { box.checked = i >= Math.min(...layers) && i <= Math.max(...layers); });
    if (version) form.target.value = version;
    document.getElementById("rebuild-button").disabled = picked.length !== 1;
    document.getElementById("selection").textContent = `${picked.length} partition(s): ${[...new Set(picked.map(c => c.dataset))].join(", ")} · ${form.partitions.value}`;
    markPicked();
  }

  function markPicked() {
    document.querySelectorAll("#grid td.picked").forEach(c => c.classList.remove("picked"));
    for (const c of picked) document.querySelector(`#grid td[data-dataset="${c.dataset}"][data-date="${c.date}"]`)?.classList.add("picked");
  }

  function request(form) {
    return {
      partitions: form.partitions.value.trim(), target: form.target.value, maxParallel: Number(form.maxParallel.value), writeMode: form.writeMode.value,
      reprocess: form.reprocess.value, layers: [...form.querySelectorAll("input[name=layers]:checked")].map(b => b.value),
    };
  }

  // The dry run, item by item with its reasons, is the start's confirm step: Start sends the very request it planned.
  async function plan(title, body) {
    const dry = await call("POST", "backfills", { ...body, dryRun: true });
    if (!dry.ok) { confirmThen(title, problem(dry), null); return; }
    const p = dry.body;
    const content = el("div", { id: "plan", "data-run": p.counts.run },
      el("p", { class: "meta" }, `${p.request.target} · ${p.request.partitions} · layers ${p.request.layers.join(", ")} · max parallel ${p.request.maxParallel}` +
        ` · ${p.request.writeMode} · reprocess ${p.request.reprocess} · code ${p.codeVersion}`),
      el("p", { id: "plan-counts" }, Object.entries(p.counts).map(([action, n]) => `${n} ${action}`).join(" · "), ` · ${p.waves} wave(s)`),
      el("p", { class: "meta" }, "run: built, validated and published. skip: rebuilt, and published only if its content changed. blocked: not built."),
      el("div", { class: "plan-items" }, el("table", { id: "plan-items" }, el("tr", {}, ["layer", "day", "action", "wave", "reason"].map(h => el("th", {}, h))),
        p.items.map(i => el("tr", { "data-layer": i.layer, "data-date": i.date, "data-action": i.action },
          el("td", {}, i.layer), el("td", {}, i.date), el("td", { class: `a-${i.action}` }, i.action), el("td", {}, i.wave || "–"), el("td", {}, i.reason || ""))))),
      estimatePanel(p.estimate));
    confirmThen(title, content, `Start (${p.items.length} items)`, async () => {
      const started = await call("POST", "backfills", body);
      return { ...started, message: el("span", { id: "started", "data-id": started.body?.id }, `started backfill ${started.body?.id}`) };
    });
  }

  // The impact estimate below the plan: the duration (or why there is none), each layer's bytes, and the method.
  function estimatePanel(e) {
    const bytes = n => n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(1)} GiB` : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB`
      : n >= 1 << 10 ? `${(n / (1 << 10)).toFixed(1)} KiB` : `${n} B`;
    return el("div", { id: "plan-estimate" },
      el("p", { id: "plan-estimate-duration", "data-seconds": e.durationSeconds ?? "" },
        e.durationSeconds == null ? `estimate at max parallel ${e.maxParallel}: no duration (${e.noDurationReason})`
          : `estimate at max parallel ${e.maxParallel}: ${Math.round(e.durationSeconds)} s`),
      el("table", { id: "plan-estimate-layers" }, el("tr", {}, ["layer", "partitions", "read", "write", "median item", "commits"].map(h => el("th", {}, h))),
        e.layers.map(l => el("tr", { "data-layer": l.layer },
          el("td", {}, l.layer), el("td", {}, l.partitions), el("td", {}, l.inputBytes == null ? "landing" : bytes(l.inputBytes)),
          el("td", {}, bytes(l.bytesToWrite)), el("td", {}, l.medianItemMilliseconds == null ? "–" : `${l.medianItemMilliseconds} ms`), el("td", {}, l.durationSamples)))),
      el("p", { class: "meta" }, e.method));
  }

  // The partition and whatever reads it: its layer and the later ones, over the days of the target whose input
  // window holds it (D..D+W-1), up to the target's newest committed day, so rebuilding creates no new days.
  function rebuild() {
    const cell = picked[0];
    const form = document.getElementById("plan-form");
    const target = cell.dataset.startsWith("features_") ? cell.dataset : form.target.value;
    const version = (latest.versions?.versions || []).find(v => v.version === target);
    const reach = layerOf(cell.dataset) === "features" ? cell.date : addDays(cell.date, (version?.inputWindowDays || 1) - 1);
    const newest = version?.lastCommittedDay && version.lastCommittedDay < reach ? version.lastCommittedDay : reach;
    const last = newest > cell.date ? newest : cell.date;
    // A rebuild runs every item whatever its state (reprocess "changed"); the form's mode filters backfills planned there.
    const body = { ...request(form), target, reprocess: "changed", partitions: last === cell.date ? cell.date : `${cell.date}..${last}`, layers: LAYERS.slice(LAYERS.indexOf(layerOf(cell.dataset))) };
    plan(`Rebuild ${cell.dataset}/${cell.date} and its downstream`, body);
  }

  // ---- backfill rows ----
  function backfillButtons(row, b) {
    const button = (name, onClick) => {
      const node = el("button", { type: "button", "data-action": name }, name);
      node.addEventListener("click", onClick);
      return node;
    };
    const path = action => `backfills/${encodeURIComponent(b.id)}` + (action ? "/" + action : "");
    const now = async (action, method, body) => {
      const result = await call(method || "POST", path(action), body);
      say(result.ok ? el("span", {}, `${b.id}: ${action || "max parallel"} accepted`) : problem(result));
      refresh();
    };
    const buttons = [];
    if (!ENDED.includes(b.status)) {
      buttons.push(b.status === "Paused" ? button("Resume", () => now("resume")) : button("Pause", () => now("pause")));
      buttons.push(button("Set max parallel", () => setMaxParallel(b, max => now(null, "PATCH", { maxParallel: max }))));
      buttons.push(button("Cancel", () => confirmThen(`Cancel ${b.id}`,
        el("p", {}, `No new item starts; the ${b.counts.running} running finish; ${b.counts.pending} pending stay unbuilt. Nothing published is undone.`),
        "Cancel backfill", async () => ({ ...await call("POST", path("cancel")), message: `${b.id}: cancel requested` }))));
      buttons.push(button("Terminate", () => confirmThen(`Terminate ${b.id}`,
        el("p", {}, `Stops at once: the ${b.counts.running} running item(s) are cut off (nothing half-written is published) and its claims are released.`),
        "Terminate", async () => ({ ...await call("POST", path("terminate")), message: `${b.id}: terminated` }))));
    } else if (b.counts.failed + b.counts.blocked > 0) {
      buttons.push(button("Retry failed", () => retryFailed(b, path)));
    }
    if (ENDED.includes(b.status)) buttons.push(button("Report", () => showReport(b, path)));
    row.append(el("div", { class: "backfill-actions" }, buttons));
  }

  function setMaxParallel(b, apply) {
    const input = el("input", { type: "number", id: "max-parallel-input", min: 1, max: 64, value: b.maxParallel });
    const dialog = document.getElementById("confirm");
    const ok = el("button", { type: "button", id: "confirm-ok" }, "Set");
    ok.addEventListener("click", () => { dialog.close(); apply(Number(input.value)); });
    const close = el("button", { type: "button", id: "confirm-close" }, "Close");
    close.addEventListener("click", () => dialog.close());
    dialog.replaceChildren(el("h3", {}, `Max parallel of ${b.id}`), el("label", {}, "max parallel ", input), el("div", { class: "buttons" }, ok, close));
    dialog.showModal();
  }

  // A new backfill of the failed and blocked items: the confirm lists them, from the backfill's own item view.
  async function retryFailed(b, path) {
    const view = await call("GET", path());
    if (!view.ok) { confirmThen(`Retry failed items of ${b.id}`, problem(view), null); return; }
    const items = (view.body.items || []).filter(i => i.status === "failed" || i.status === "blocked");
    confirmThen(`Retry failed items of ${b.id}`,
      el("table", { id: "retry-items" }, el("tr", {}, ["layer", "day", "status", "error"].map(h => el("th", {}, h))),
        items.map(i => el("tr", { "data-layer": i.layer, "data-date": i.date }, el("td", {}, i.layer), el("td", {}, i.date), el("td", {}, i.status), el("td", {}, i.error || "")))),
      "Retry failed", async () => {
        const started = await call("POST", path("retry-failed"));
        return { ...started, message: el("span", { id: "started", "data-id": started.body?.id }, `started backfill ${started.body?.id}`) };
      });
  }

  // The repair report of an ended backfill: what it published with its deltas, the rest of its months proven unchanged,
  // the stale downstream. Its confirm is the one-click repair: the report's ready requests, sent as they are.
  async function showReport(b, path) {
    const title = `Report of ${b.id}`;
    const report = await call("GET", path("report"));
    if (!report.ok) { confirmThen(title, problem(report), null); return; }
    const r = report.body, s = r.summary;
    const shifts = p => (p.meanShifts || []).filter(m => m.shift).sort((x, y) => Math.abs(y.shift) - Math.abs(x.shift)).slice(0, 3)
      .map(m => `${m.feature} ${m.shift > 0 ? "+" : ""}${Number(m.shift.toFixed(3))}`).join(", ");
    const content = el("div", { id: "report", "data-id": r.id },
      el("p", {}, `${r.target} ${r.partitions}: ${s.published} published. ${r.from}..${r.to}: ${s.unchanged} unchanged since it started `
        + `(manifest Last-Modified before its start; ETags in the API), ${s.changedSinceStart} changed since by other runs, ${s.missing} missing. ${s.stale} stale downstream.`),
      el("table", { id: "report-published" }, el("tr", {}, ["partition", "rows before → after", "changed rows", "largest mean shifts"].map(h => el("th", {}, h))),
        r.published.map(p => el("tr", { "data-dataset": p.dataset, "data-date": p.date, "data-changed": p.changes ? p.changes.changed : "" },
          el("td", {}, `${p.dataset}/${p.date}`), el("td", {}, `${p.before === "new" ? "new" : p.rowsBefore} → ${p.rowsAfter}`),
          el("td", {}, p.changes ? String(p.changes.changed) : p.before), el("td", {}, shifts(p))))),
      r.stale.length ? el("table", { id: "report-stale" }, el("tr", {}, ["stale", "reason"].map(h => el("th", {}, h))),
        r.stale.map(x => el("tr", { "data-dataset": x.dataset, "data-date": x.date }, el("td", {}, `${x.dataset}/${x.date}`), el("td", {}, x.reason)))) : "",
      r.repairs.map(x => el("p", { class: "repair", "data-target": x.target }, el("code", {}, x.command))));
    confirmThen(title, content, r.repairs.length ? "Repair stale" : null, async () => {
      let started;
      for (const repair of r.repairs) {
        started = await call("POST", "backfills", repair.request);
        if (!started.ok) return started;
      }
      return { ...started, message: el("span", { id: "started", "data-id": started.body?.id }, `started ${r.repairs.length} repair(s), the last ${started.body?.id}`) };
    });
  }

  // ---- pointer ----
  function pointerPath(action) {
    return `pointers/${POINTER}/${action}`;
  }

  // The flip's dry run checks completeness and runs the canary; the confirm shows both, and from → to.
  async function checkFlip() {
    const pointer = latest.pointer;
    const to = document.getElementById("flip-to").value;
    const partitions = document.getElementById("flip-partitions").value.trim() || undefined;
    const body = { to, expectedCurrent: pointer.current, expectedSequence: pointer.sequence, partitions };
    const title = `Flip ${pointer.name}: ${pointer.current} → ${to}`;
    const check = await call("POST", pointerPath("flip"), { ...body, dryRun: true });
    if (check.status !== 200) { confirmThen(title, problem(check), null); return; }
    const c = check.body;
    const content = el("div", { id: "flip-check", "data-from": c.current, "data-to": c.to },
      el("p", {}, `${c.name}: ${c.current} → ${c.to}, at sequence ${c.sequence}`),
      el("p", { id: "flip-completeness", "data-days": c.requiredDays.length },
        `completeness: all ${c.requiredDays.length} required day(s) of ${c.to} committed and validated` +
        (c.requiredDays.length ? ` (${c.requiredDays[0]}..${c.requiredDays[c.requiredDays.length - 1]})` : "")),
      el("table", { id: "flip-canary" }, el("tr", {}, ["canary day", "status", "failures"].map(h => el("th", {}, h))),
        c.canary.map(d => el("tr", { "data-date": d.date, "data-status": d.status }, el("td", {}, d.date), el("td", { class: `v-${d.status}` }, d.status), el("td", {}, d.failures.join("; "))))));
    confirmThen(title, content, "Flip", async () => ({ ...await call("POST", pointerPath("flip"), body), message: `${pointer.name} flipped to ${to}` }));
  }

  function rollback() {
    const pointer = latest.pointer;
    const previous = pointer.history?.[0]?.version;
    confirmThen(`Roll back ${pointer.name}: ${pointer.current} → ${previous}`,
      el("p", { id: "rollback-check", "data-from": pointer.current, "data-to": previous },
        `${pointer.name} will name ${previous} again (the version it named before sequence ${pointer.sequence}); readers switch at once.`),
      "Roll back", async () => ({ ...await call("POST", pointerPath("rollback"), { expectedSequence: pointer.sequence }), message: `${pointer.name} rolled back to ${previous}` }));
  }

  function updatePointerForm() {
    const pointer = latest.pointer;
    const select = document.getElementById("flip-to");
    const choices = (latest.versions?.versions || []).map(v => v.version).filter(v => v !== pointer?.current);
    if ([...select.options].map(o => o.value).join() !== choices.join()) select.replaceChildren(...choices.map(v => el("option", { value: v }, v)));
    document.getElementById("flip-button").disabled = !pointer || choices.length === 0;
    document.getElementById("rollback-button").disabled = !pointer?.history?.length;
  }

  // ---- wiring ----
  function buildForms() {
    const targets = el("select", { name: "target", id: "plan-target" });
    const form = el("form", { id: "plan-form" },
      el("label", {}, "partitions ", el("input", { name: "partitions", id: "plan-partitions", size: 24, placeholder: "2025-01-01..2025-01-10" })),
      el("label", {}, "target ", targets),
      el("span", {}, "layers", LAYERS.map(l => el("label", {}, el("input", { type: "checkbox", name: "layers", value: l, checked: "" }), l))),
      el("label", {}, "max parallel ", el("input", { name: "maxParallel", id: "plan-max-parallel", type: "number", min: 1, max: 64, value: 3 })),
      el("label", {}, "write mode ", el("select", { name: "writeMode", id: "plan-write-mode" }, el("option", {}, "overwrite"), el("option", {}, "merge"))),
      el("label", { title: "changed: every item, skipping what this code already built; failed, missing, stale: only partitions in that state, with what reads them; all: every item" },
        "reprocess ", el("select", { name: "reprocess", id: "plan-reprocess" }, ["changed", "failed", "missing", "stale", "all"].map(m => el("option", {}, m)))),
      el("button", { type: "submit", id: "plan-button" }, "Plan"),
      el("button", { type: "button", id: "rebuild-button", disabled: "" }, "Rebuild this partition and its downstream"));
    form.addEventListener("submit", e => { e.preventDefault(); plan(`Backfill ${form.partitions.value}`, request(form)); });
    document.getElementById("actions").replaceChildren(el("p", { class: "meta" }, "Click a cell, shift-click another for a range; or type a partition set. ",
      el("span", { id: "selection" })), form, el("div", { id: "action-status", "aria-live": "polite" }));
    document.getElementById("rebuild-button").addEventListener("click", rebuild);
    document.getElementById("grid").addEventListener("click", pick);

    document.getElementById("pointer-actions").replaceChildren(
      el("label", {}, "flip to ", el("select", { id: "flip-to" })),
      el("label", {}, " days that must be complete ", el("input", { id: "flip-partitions", size: 24, placeholder: "default: the current version's" })),
      el("button", { type: "button", id: "flip-button", disabled: "" }, "Check and flip"),
      el("button", { type: "button", id: "rollback-button", disabled: "" }, "Roll back"));
    // A closed dialog keeps nothing: what the next one shows is only ever the answer to its own request.
    document.getElementById("confirm").addEventListener("close", e => e.target.replaceChildren());
    document.getElementById("flip-button").addEventListener("click", checkFlip);
    document.getElementById("rollback-button").addEventListener("click", rollback);
  }

  document.addEventListener("dashboard:refreshed", e => {
    latest = e.detail;
    const targets = document.getElementById("plan-target");
    const versions = (latest.versions?.versions || []).map(v => v.version);
    if (versions.length && [...targets.options].map(o => o.value).join() !== versions.join()) {
      targets.replaceChildren(...versions.map(v => el("option", { value: v }, v)));
      targets.value = latest.versions.live || versions[0];
    }
    markPicked();
    for (const b of latest.backfills || []) {
      const row = document.querySelector(`#backfills .backfill[data-id="${b.id}"]`);
      if (row) backfillButtons(row, b);
    }
    updatePointerForm();
  });

  buildForms();
})();
