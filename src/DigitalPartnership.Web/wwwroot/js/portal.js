// The portal's own script: small, no framework, loaded from the portal (the CSP allows no inline script).
// Every page works without it; it only moves focus and makes the bulk update quicker and safer.
"use strict";

(function () {
    // GOV.UK's error summary: read first, and each of its links puts the cursor in the field it names.
    function errorSummary() {
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) {
            return;
        }

        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            var field = link && document.getElementById(link.getAttribute("href").slice(1));
            if (!field) {
                return;
            }

            event.preventDefault();
            var label = document.querySelector("label[for='" + field.id + "']") || field;
            label.scrollIntoView({ block: "center" });
            field.focus({ preventScroll: true });
        });
    }

    // The deliverables list's bulk update: select all or none, a live count, Enter in a selection box goes to the
    // bar, and a dialog that names the count before anything is saved. Without this script the form still posts,
    // and the server asks for the same confirmation as a second step.
    function bulkUpdate() {
        var form = document.querySelector("[data-bulk-form]");
        if (!form || !form.querySelector("[data-bulk-count]")) {
            return;
        }

        var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][name=Selected]"));
        var all = form.querySelector("[data-select-all]");
        var none = form.querySelector("[data-select-none]");
        var count = form.querySelector("[data-bulk-count]");
        var status = form.querySelector("[data-bulk-status]");
        var progress = form.querySelector("[data-bulk-progress]");
        var review = form.querySelector("[data-bulk-review]");
        var problem = form.querySelector("[data-bulk-problem]");
        var dialog = form.querySelector("[data-bulk-dialog]");
        var question = form.querySelector("[data-bulk-question]");
        var confirm = form.querySelector("[data-bulk-confirm]");
        var cancel = form.querySelector("[data-bulk-cancel]");

        // The nouns come from the page (Display.Count on the server), so the plural lives in one place.
        // The page gives the words in the reader's language: "{count}" and its noun in the order the language wants.
        function counted(n) {
            return fill(count.dataset.counted, { n: n.toLocaleString("en-GB"), noun: n === 1 ? count.dataset.one : count.dataset.many });
        }

        function fill(template, values) {
            return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
        }

        function selected() {
            return boxes.filter(function (box) { return box.checked; }).length;
        }

        function refresh() {
            var n = selected();
            count.textContent = n === 0 ? count.dataset.empty : fill(count.dataset.selected, { count: counted(n) });
            all.checked = n > 0 && n === boxes.length;
            all.indeterminate = n > 0 && n < boxes.length;
            none.hidden = n === 0;
        }

        function showProblem(message, field) {
            problem.textContent = message;
            problem.hidden = false;
            [status, progress].forEach(function (f) { f.removeAttribute("aria-invalid"); });
            if (field) {
                field.setAttribute("aria-invalid", "true");
                field.focus();
            }
        }

        function clearProblem() {
            problem.hidden = true;
            problem.textContent = "";
            [status, progress].forEach(function (f) { f.removeAttribute("aria-invalid"); });
        }

        [all, count, none.parentElement].forEach(function (element) { element.hidden = false; });
        none.hidden = true;
        refresh();

        all.addEventListener("change", function () {
            boxes.forEach(function (box) { box.checked = all.checked; });
            refresh();
        });
        none.addEventListener("click", function () {
            boxes.forEach(function (box) { box.checked = false; });
            refresh();
            all.focus();
        });
        form.addEventListener("change", function (event) {
            if (event.target.name === "Selected") {
                refresh();
            }
        });

        // Enter in a selection box would submit the form in some browsers; here it takes the editor to the bar.
        form.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && event.target.type === "checkbox") {
                event.preventDefault();
                status.focus();
            }
        });

        form.addEventListener("submit", function (event) {
            if (event.submitter === confirm) {
                return;
            }

            event.preventDefault();
            var n = selected();
            var value = progress.value.trim().replace(/%$/, "");
            if (n === 0) {
                showProblem(problem.dataset.noSelection, boxes[0]);
                return;
            }

            if (!status.value) {
                showProblem(problem.dataset.noStatus, status);
                return;
            }

            if (value !== "" && (!/^\d{1,3}$/.test(value) || Number(value) > 100)) {
                showProblem(problem.dataset.badProgress, progress);
                return;
            }

            clearProblem();
            var statusName = status.options[status.selectedIndex].text;
            var words = question.dataset;
            question.textContent = fill(words.question, { count: counted(n), status: statusName })
                + (value === "" ? "" : fill(words.progress, { progress: Number(value) }))
                + (form.querySelector("#bulk-note").value.trim() ? words.endNote : words.end);
            confirm.textContent = fill(words.confirm, { count: counted(n) });
            dialog.showModal();
            confirm.focus();
        });

        cancel.addEventListener("click", function () {
            dialog.close();
        });
        dialog.addEventListener("close", function () {
            review.focus();
        });
    }

    // A table wider than its box scrolls sideways: a keyboard user must be able to reach and scroll it (WCAG 2.1.1), so
    // such a box becomes a named, focusable region — only while it does scroll, so other tables add no tab stop.
    function scrollableTables() {
        document.querySelectorAll(".table-responsive").forEach(function (box) {
            var scrolls = box.scrollWidth > box.clientWidth + 1;
            if (scrolls && !box.hasAttribute("tabindex")) {
                var caption = box.querySelector("caption");
                var labelledBy = box.querySelector("table[aria-labelledby]");
                box.tabIndex = 0;
                box.setAttribute("role", "region");
                box.setAttribute("data-scroll-region", "");
                if (labelledBy) {
                    box.setAttribute("aria-labelledby", labelledBy.getAttribute("aria-labelledby"));
                } else {
                    box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table, scrolls sideways");
                }
            } else if (!scrolls && box.hasAttribute("data-scroll-region")) {
                ["tabindex", "role", "data-scroll-region", "aria-label", "aria-labelledby"].forEach(function (name) {
                    box.removeAttribute(name);
                });
            }
        });
    }

    errorSummary();
    bulkUpdate();
    scrollableTables();
    window.addEventListener("resize", scrollableTables);
})();
