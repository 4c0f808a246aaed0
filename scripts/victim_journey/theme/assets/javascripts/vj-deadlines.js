/* vj-deadlines.js: the private deadline helper on the "no charge" stage pages.
 *
 * It runs only in this browser. It stores nothing, sends nothing and never changes the
 * URL: the inputs have no name and the form is never submitted. Without JavaScript the
 * form stays hidden and the page's explanation and worked example take its place.
 *
 * The counting rules are the same as scripts/victim_journey/deadlines.py, and
 * tests/deadline_cases.yml checks both against one table:
 * - a working day is Monday to Friday, except the bank holidays the page lists;
 * - day 1 is the first working day after the day you were told;
 * - "3 months" is the same date 3 months later, or the last day of a shorter month.
 * Dates are handled in UTC so that clock changes never move a day.
 *
 * It is honest about time (scripts/victim_journey/deadline_status.py has the same rules,
 * checked against the "today_cases" of the same table): a date after today is refused,
 * in the GOV.UK error message pattern; dates that have passed say so, with what the
 * reader can still do (data-vj-text-late); a limit's own day still counts.
 *
 * Its words come from the page, in the page's language (journey/interface-text.yml, put
 * in data-vj-* attributes by _deadline_helper.md.j2); the English here is used only if
 * an attribute is missing.
 */
(function () {
  "use strict";

  var DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday"];
  var MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var TEXT = {
    "error-prefix": "Error:",
    "error-empty": "Enter the date you were told about the decision",
    "error-invalid": "Enter a real date, for example 24 12 2026",
    "error-future": "The date you were told must be today or in the past",
    "status-passed": "These dates have passed. The last day to ask was {date}.",
    "status-prompt-passed": "The date for a prompt review has passed. You can still ask " +
      "until {date}.",
    "status-last-day": "Today, {date}, is the last day to ask.",
    // {date} is where the date goes.
    prompt: "To get a prompt review, ask by {date}. That is {days} after the day you " +
      "were told.",
    outside: "We cannot count working days from this date.{years} Ask as soon as you can.",
    outer: "The last day to ask is usually {date}. That is {months} after the day you " +
      "were told."
  };
  var ONE_DAY = 24 * 60 * 60 * 1000;

  /* Days past the end of a month roll over, as in Python's arithmetic on real dates.
   * Years are always 4 digits here: Date.UTC would read 0 to 99 as 1900 to 1999. */
  function utcDate(year, monthIndex, day) {
    return new Date(Date.UTC(year, monthIndex, day));
  }

  function parseIso(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return match ? utcDate(+match[1], +match[2] - 1, +match[3]) : null;
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function isoText(date) {
    return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1) + "-" +
      pad(date.getUTCDate());
  }

  function fullDate(date, names) {
    return names.days[date.getUTCDay()] + " " + date.getUTCDate() + " " +
      names.months[date.getUTCMonth()] + " " + date.getUTCFullYear();
  }

  /* A list of names from a data attribute ("January|February|..."), or the English. */
  function names(widget, attribute, english) {
    var list = (widget.getAttribute(attribute) || "").split("|");
    return list.length === english.length && list.every(Boolean) ? list : english;
  }

  /* The page's words for `key` (its data-vj-text-* attribute), or the English. */
  function words(widget, key, english) {
    return widget.getAttribute("data-vj-text-" + key) || english;
  }

  function daysInMonth(year, monthIndex) {
    return utcDate(year, monthIndex + 1, 0).getUTCDate();
  }

  function addMonths(date, months) {
    var index = date.getUTCMonth() + months;
    var year = date.getUTCFullYear() + Math.floor(index / 12);
    var monthIndex = index % 12;
    return utcDate(year, monthIndex, Math.min(date.getUTCDate(),
      daysInMonth(year, monthIndex)));
  }

  /* The count-th working day after toldOn, or null if a day it must check is outside
   * the years the bank holidays cover. */
  function addWorkingDays(toldOn, count, calendar) {
    var day = toldOn;
    var counted = 0;
    while (counted < count) {
      day = new Date(day.getTime() + ONE_DAY);
      if (day < calendar.firstDay || day > calendar.lastDay) {
        return null;
      }
      var weekday = day.getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !calendar.holidays[isoText(day)]) {
        counted += 1;
      }
    }
    return day;
  }

  /* Today in the reader's own time zone, as a UTC date like the others. */
  function today() {
    var now = new Date();
    return utcDate(now.getFullYear(), now.getMonth(), now.getDate());
  }

  /* Where the reader stands on `day` (the same rules as deadline_status.py). */
  function status(toldOn, prompt, outer, day) {
    if (toldOn > day) {
      return "future";
    }
    if (outer < day) {
      return "passed";
    }
    if (outer.getTime() === day.getTime()) {
      return "last-day";
    }
    return prompt && prompt < day ? "prompt-passed" : "open";
  }

  /* The date typed in the three boxes, or null if it is not a real date. */
  function readDate(dayText, monthText, yearText) {
    if (!/^\d{1,2}$/.test(dayText) || !/^\d{1,2}$/.test(monthText) ||
        !/^\d{4}$/.test(yearText)) {
      return null;
    }
    var day = +dayText;
    var monthIndex = +monthText - 1;
    var year = +yearText;
    if (year < 1000 || monthIndex < 0 || monthIndex > 11 || day < 1 ||
        day > daysInMonth(year, monthIndex)) {
      return null;
    }
    return utcDate(year, monthIndex, day);
  }

  function plural(number, word) {
    return number + " " + word + (number === 1 ? "" : "s");
  }

  /* A paragraph from words with "{date}" in them: the date goes there, in bold. */
  function paragraphAround(kind, text, date, dateNames) {
    var at = text.indexOf("{date}");
    return at < 0 ? paragraph(kind, text, null, "", dateNames) :
      paragraph(kind, text.slice(0, at), date, text.slice(at + "{date}".length),
        dateNames);
  }

  function paragraph(kind, before, date, after, dateNames) {
    var p = document.createElement("p");
    p.setAttribute("data-vj-result", kind);
    p.appendChild(document.createTextNode(before));
    if (date) {
      var strong = document.createElement("strong");
      var time = document.createElement("time");
      time.setAttribute("datetime", isoText(date));
      time.textContent = fullDate(date, dateNames);
      strong.appendChild(time);
      p.appendChild(strong);
    }
    p.appendChild(document.createTextNode(after));
    return p;
  }

  function setUp(widget) {
    var form = widget.querySelector("[data-vj-deadline-form]");
    var result = widget.querySelector("[data-vj-deadline-result]");
    var error = widget.querySelector("[data-vj-deadline-error]");
    var parts = {};
    Array.prototype.forEach.call(widget.querySelectorAll("[data-vj-date-part]"),
      function (input) { parts[input.getAttribute("data-vj-date-part")] = input; });
    if (!form || !result || !error || !parts.day || !parts.month || !parts.year) {
      return;
    }
    var workingDays = parseInt(widget.getAttribute("data-working-days"), 10) || null;
    var months = parseInt(widget.getAttribute("data-months"), 10);
    var holidays = {};
    (widget.getAttribute("data-bank-holidays") || "").split(/\s+/).forEach(function (text) {
      if (text) { holidays[text] = true; }
    });
    var calendar = {
      holidays: holidays,
      firstDay: parseIso(widget.getAttribute("data-first-day")),
      lastDay: parseIso(widget.getAttribute("data-last-day"))
    };
    var dateNames = {
      days: names(widget, "data-vj-day-names", DAY_NAMES),
      months: names(widget, "data-vj-month-names", MONTH_NAMES)
    };

    function showError(message) {
      error.textContent = "";
      var prefix = document.createElement("span");
      prefix.className = "vj-visually-hidden";
      prefix.textContent = words(widget, "error-prefix", TEXT["error-prefix"]) + " ";
      error.appendChild(prefix);
      error.appendChild(document.createTextNode(message));
      error.hidden = false;
      ["day", "month", "year"].forEach(function (name) {
        parts[name].setAttribute("aria-invalid", "true");
        parts[name].setAttribute("aria-describedby", error.id);
      });
      parts.day.focus();
    }

    function clearError() {
      error.hidden = true;
      error.textContent = "";
      ["day", "month", "year"].forEach(function (name) {
        parts[name].removeAttribute("aria-invalid");
        parts[name].removeAttribute("aria-describedby");
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();  // never submit: nothing may reach the URL or a server
      result.textContent = "";
      result.removeAttribute("data-vj-status");
      var values = [parts.day.value.trim(), parts.month.value.trim(),
        parts.year.value.trim()];
      if (!values[0] && !values[1] && !values[2]) {
        showError(words(widget, "error-empty", TEXT["error-empty"]));
        return;
      }
      var toldOn = readDate(values[0], values[1], values[2]);
      if (!toldOn) {
        showError(words(widget, "error-invalid", TEXT["error-invalid"]));
        return;
      }
      var day = today();
      if (toldOn > day) {
        showError(words(widget, "error-future", TEXT["error-future"]));
        return;
      }
      clearError();
      var outer = addMonths(toldOn, months);
      var prompt = workingDays && calendar.firstDay && calendar.lastDay ?
        addWorkingDays(toldOn, workingDays, calendar) : null;
      var where = status(toldOn, prompt, outer, day);
      result.setAttribute("data-vj-status", where);
      if (where !== "open") {
        result.appendChild(paragraphAround("status", words(widget, "status-" + where,
          TEXT["status-" + where]), outer, dateNames));
      }
      if (workingDays) {
        if (prompt) {
          result.appendChild(paragraphAround("prompt", words(widget, "prompt",
            TEXT.prompt.replace("{days}", plural(workingDays, "working day"))),
            prompt, dateNames));
        } else {
          var years = calendar.firstDay && calendar.lastDay ?
            " We only have bank holidays for " + calendar.firstDay.getUTCFullYear() +
            " to " + calendar.lastDay.getUTCFullYear() + "." : "";
          result.appendChild(paragraphAround("outside", words(widget, "outside",
            TEXT.outside.replace("{years}", years)), null, dateNames));
        }
      }
      result.appendChild(paragraphAround("outer", words(widget, "outer",
        TEXT.outer.replace("{months}", plural(months, "month"))),
        outer, dateNames));
      var late = widget.getAttribute("data-vj-text-late");
      if (where === "passed" && late) {
        result.appendChild(paragraphAround("late", late, null, dateNames));
      }
    });

    form.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-vj-deadline]"), setUp);
})();
