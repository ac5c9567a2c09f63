// XrayTriage pages: refreshes the worklist from /api/studies (same filters) so a new urgent study shows within
// seconds. No inline script anywhere (the CSP forbids it); text goes in with textContent only.
"use strict";
(function () {
  const table = document.getElementById("worklist");
  if (!table) {
    return;
  }
  const seconds = Math.max(1, parseInt(table.dataset.refreshSeconds || "3", 10));
  const query = table.dataset.query || "";
  const body = table.tBodies[0];
  const count = document.getElementById("worklist-count");
  const updated = document.getElementById("worklist-updated");

  function cell(row, content) {
    const td = document.createElement("td");
    if (content instanceof Node) {
      td.appendChild(content);
    } else {
      td.textContent = content == null ? "" : String(content);
    }
    row.appendChild(td);
    return td;
  }

  function twoLines(first, second) {
    const span = document.createElement("span");
    span.appendChild(first instanceof Node ? first : document.createTextNode(first || ""));
    span.appendChild(document.createElement("br"));
    const small = document.createElement("small");
    small.textContent = second || "";
    span.appendChild(small);
    return span;
  }

  function time(iso) {
    return iso ? iso.replace("T", " ").substring(0, 19) : "";
  }

  function render(items) {
    const rows = document.createDocumentFragment();
    for (const s of items) {
      const tr = document.createElement("tr");
      tr.dataset.studyId = s.id;
      tr.className = "priority-" + s.priority;
      const badge = document.createElement("span");
      badge.className = "badge badge-" + s.priority;
      badge.textContent = s.priority;
      cell(tr, badge);
      const link = document.createElement("a");
      link.href = "/studies/" + s.id;
      link.textContent = s.patientName || "(no name)";
      cell(tr, twoLines(link, s.patientId));
      cell(tr, twoLines(s.studyDescription, s.accessionNumber));
      cell(tr, s.modality);
      cell(tr, time(s.firstReceivedAt));
      cell(tr, s.imageCount);
      cell(tr, (s.flags || []).join(", "));
      const probs = cell(tr, "");
      probs.className = "probs";
      Object.entries(s.probabilities || {}).sort((a, b) => b[1] - a[1]).forEach(([label, p]) => {
        const span = document.createElement("span");
        span.textContent = label + " " + p.toFixed(2);
        probs.appendChild(span);
        probs.appendChild(document.createTextNode(" "));
      });
      cell(tr, s.status);
      rows.appendChild(tr);
    }
    body.replaceChildren(rows);
  }

  async function refresh() {
    try {
      const response = await fetch("/api/studies?" + query, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.status === 401) {
        window.location.href = "/account/login?returnUrl=" + encodeURIComponent(window.location.pathname + window.location.search);
        return;
      }
      if (!response.ok) {
        updated.textContent = "refresh failed (" + response.status + ")";
        return;
      }
      const page = await response.json();
      render(page.items);
      count.textContent = page.total;
      updated.textContent = "updated " + new Date().toISOString().substring(11, 19) + " UTC";
    } catch (e) {
      updated.textContent = "refresh failed";
    } finally {
      window.setTimeout(refresh, seconds * 1000);
    }
  }

  window.setTimeout(refresh, seconds * 1000);
})();
