"""Outreach events beyond their pages: calendar feeds, occasions, yearly statistics, charts and the
annual report. Everything here reads the checked model (and the plan, for what a build writes).

* :mod:`.strings`: every UI word of this feature, in one table (to move into the string catalogue);
* :mod:`.stats`: talks and people per region, setting, audience, month or lesson; tables as CSV/XLSX/JSON;
* :mod:`.feeds`: events as :class:`generator.calendar.CalendarEvent` in one language, feed by feed;
* :mod:`.charts`: accessible SVG bar charts (templated SVG: text as text, title and description);
* :mod:`.report`: the year's report for the provincial office, as an A4 PDF;
* :mod:`.new`: ``dandelion new event`` / ``new lesson``: a valid YAML file from answers or flags.
"""
