// nn-tutor book: predict-then-reveal for the forward and backward tables,
// and the folded finite-difference checks opened for printing.
//
// The HTML hides nothing: without this script (or on paper) every table is
// whole. Here each `.nn-reveal` block gets a bar of buttons and its rows
// after the first are blurred, except their first `data-nn-keep` cells
// (the row's number and node), so the reader predicts each value and then
// reveals the row ("Next row", or Enter/Space on the focused button).
(function () {
    "use strict";

    function setUp(block) {
        var table = block.querySelector("table");
        if (!table || block.querySelector(".nn-reveal-bar")) return;
        var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
        if (rows.length < 2) return;
        var keep = parseInt(block.getAttribute("data-nn-keep"), 10) || 1;
        var labels = (block.getAttribute("data-nn-labels") ||
            "Predict, then reveal|Next row|Show all|Start again").split("|");
        var shown = 1;

        var bar = document.createElement("div");
        bar.className = "nn-reveal-bar";
        var invite = document.createElement("span");
        invite.className = "nn-reveal-invite";
        invite.textContent = labels[0];
        var next = document.createElement("button");
        next.type = "button";
        next.className = "nn-reveal-next";
        var all = document.createElement("button");
        all.type = "button";
        all.className = "nn-reveal-all";
        all.textContent = labels[2];
        var count = document.createElement("span");
        count.className = "nn-reveal-count";
        count.setAttribute("aria-live", "polite");
        bar.appendChild(invite);
        bar.appendChild(next);
        bar.appendChild(all);
        bar.appendChild(count);
        var wrapper = table.closest(".table-wrapper") || table;
        wrapper.parentNode.insertBefore(bar, wrapper);

        function show() {
            rows.forEach(function (row, i) {
                var hidden = i >= shown;
                row.classList.toggle("nn-hidden-row", hidden);
                Array.prototype.forEach.call(row.cells, function (cell, j) {
                    var hide = hidden && j >= keep;
                    cell.classList.toggle("nn-hidden-cell", hide);
                    if (hide) cell.setAttribute("aria-hidden", "true");
                    else cell.removeAttribute("aria-hidden");
                });
            });
            var done = shown >= rows.length;
            next.textContent = done ? labels[3] : labels[1];
            all.disabled = done;
            count.textContent = shown + " / " + rows.length;
            block.classList.add("nn-revealing");
        }
        next.addEventListener("click", function () {
            shown = shown >= rows.length ? 1 : shown + 1;
            show();
        });
        all.addEventListener("click", function () {
            shown = rows.length;
            show();
            next.focus();
        });
        show();
    }

    function setUpAll() {
        Array.prototype.forEach.call(document.querySelectorAll(".nn-reveal"), setUp);
        stickNodes();
    }

    // A table numbered in its first column ("#") keeps its node column in
    // view too while it scrolls sideways: the node sticks just right of
    // the number, whose width is measured here.
    var numbered = [];
    function stickNodes() {
        numbered = Array.prototype.filter.call(
            document.querySelectorAll(".content .table-wrapper table"),
            function (t) {
                var th = t.querySelector("thead th");
                return th && th.textContent.trim() === "#";
            });
        numbered.forEach(function (t) { t.classList.add("nn-sticky2"); });
        measure();
    }
    function measure() {
        numbered.forEach(function (t) {
            var first = t.querySelector("thead th");
            t.style.setProperty("--nn-col1", first.getBoundingClientRect().width + "px");
        });
    }
    window.addEventListener("resize", measure);

    // Paper shows every folded check (the style does it where the browser
    // knows `::details-content`; this does it everywhere else).
    var opened = [];
    window.addEventListener("beforeprint", function () {
        opened = Array.prototype.filter.call(
            document.querySelectorAll("details.nn-check"),
            function (d) { return !d.open; });
        opened.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
        opened.forEach(function (d) { d.open = false; });
        opened = [];
    });

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpAll);
    } else {
        setUpAll();
    }
})();
