/* Briefing search: fetches search/index.json once and searches it in the browser.
   No framework; the search page reads fine without it. */
(function () {
  "use strict";
  var LIMIT = 50;
  function norm(s) {
    s = s.toLowerCase();
    return /[^\x00-\x7f]/.test(s) ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }
  // One record per result: kind, rank of its kind, title, url (from the root), meta, text,
  // and the normalised title and searched text.
  function expand(d) {
    var out = [], b = d.b, p = d.p;
    function add(kind, rank, title, url, meta, text, hay) {
      out.push({ k: kind, r: rank, t: title, u: url, m: meta, s: text, nt: norm(title), nh: norm(title + " " + hay) });
    }
    p.forEach(function (x) { add("Person", 0, x[1], "people/" + x[0] + "/", x[2], "", x[2]); });
    (d.t || []).forEach(function (x) { add("Topic", 0, x[1], "topics/" + x[0] + "/", x[2], "", x[2]); });
    b.forEach(function (x) {
      add("Briefing", 1, x[1], "briefings/" + x[0] + "/", x[2], x[3], x[2] + " " + x[3] + " " + x[4]);
    });
    d.e.forEach(function (x) {
      var names = x[5].map(function (i) { return p[i][1]; }).join(", ");
      add("Event", 2, x[1], x[0], x[2] + (names ? " \u00b7 " + names : ""), x[3],
        x[2] + " " + x[3] + " " + names);
    });
    d.q.forEach(function (x) {
      var who = p[x[1]][1];
      add("Quote", 3, "\u201c" + x[0] + "\u201d", "briefings/" + b[x[2]][0] + "/",
        who + ", in \u201c" + b[x[2]][1] + "\u201d", "", who);
    });
    return out;
  }
  // Every word must be in the record; words in the title and at word starts rank higher.
  function search(items, query) {
    var words = norm(query).split(/\s+/).filter(Boolean), hits = [];
    if (!words.length) return hits;
    for (var i = 0; i < items.length; i++) {
      var it = items[i], score = 0;
      for (var j = 0; j < words.length; j++) {
        var at = it.nh.indexOf(words[j]);
        if (at < 0) { score = -1; break; }
        score += 1;
        if (it.nt.indexOf(words[j]) >= 0) score += 3;
        if (at === 0 || it.nh.charAt(at - 1) === " ") score += 1;
      }
      if (score > 0) hits.push({ it: it, s: score, i: i });
    }
    hits.sort(function (a, b) { return b.s - a.s || a.it.r - b.it.r || a.i - b.i; });
    return hits.map(function (h) { return h.it; });
  }
  if (typeof module === "object" && module.exports) module.exports = { norm: norm, expand: expand, search: search };
  if (typeof document === "undefined") return;

  var form = document.querySelector("form[data-search-index]");
  if (!form) return;
  var input = form.querySelector("input[name=q]"), root = form.getAttribute("data-root") || "";
  var status = document.getElementById("search-status"), list = document.getElementById("search-results");
  var items = null, timer = 0;
  var loading = fetch(form.getAttribute("data-search-index"))
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (d) { items = expand(d); })
    .catch(function () { status.textContent = "The search index could not be loaded."; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function show(query) {
    var q = query.trim();
    list.textContent = "";
    if (q.length < 2) { status.textContent = q ? "Type at least two letters." : ""; return; }
    if (!items) { status.textContent = "Loading the search index\u2026"; return; }
    var hits = search(items, q);
    hits.slice(0, LIMIT).forEach(function (it) {
      var li = el("li", "search-hit"), h = el("h2", "search-hit-title"), a = el("a", null, it.t);
      a.href = root + it.u;
      h.appendChild(a);
      li.appendChild(el("p", "search-hit-kind", it.k));
      li.appendChild(h);
      if (it.m) li.appendChild(el("p", "search-hit-meta", it.m));
      if (it.s) li.appendChild(el("p", "search-hit-text", it.s));
      list.appendChild(li);
    });
    var n = hits.length, quoted = "\u201c" + q + "\u201d";
    status.textContent = n === 0 ? "No results for " + quoted + "."
      : n + (n === 1 ? " result" : " results") + " for " + quoted
        + (n > LIMIT ? ", showing the first " + LIMIT : "") + ". First: " + hits[0].t;
  }
  function run() {
    var q = input.value;
    history.replaceState(null, "", q.trim() ? "?q=" + encodeURIComponent(q.trim()) : location.pathname);
    loading.then(function () { if (input.value === q) show(q); });
    if (!items) show(q);
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
