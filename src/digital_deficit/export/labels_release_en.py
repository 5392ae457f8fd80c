"""English labels of the release-day sheets (issue 9): the latest release, the months, the
monthly charts, other countries and the one-page summary a PDF starts with; read into
``labels_en.EN`` (keys as in ``labels_release_ja``)."""

from __future__ import annotations

RELEASE_EN: dict[str, str] = {
    "sheet.release": "Latest release",
    "sheet.months": "Months",
    "sheet.monthcharts": "Monthly charts",
    "sheet.monthchart": "Monthly chart data",
    "sheet.countries": "Countries",
    "sheet.glance": "At a glance",
    "sheet.countrydata": "Country data",
    "countries.subtitle_data": "The IMF figures the Countries sheet reads, in million US dollars "
    "(imported with `import`), with their vintage and source.",
    "countries.col.series": "Series",
    "countries.data.period": "Period",
    "countries.data.item": "Item",
    "countries.data.side": "Side",
    "countries.data.value": "Value",
    "countries.data.unit": "Unit",
    "countries.data.vintage": "Vintage",
    "countries.data.source": "Source",
    "metric.year_ago_change": "Change on a year earlier",
    "metric.year_ago_growth": "Change on a year earlier, %",
    "metric.ytd": "Year to date",
    "metric.twelve_month_sum": "12-month sum",
    "metric.quarter_sum": "Quarter",
    "release.title": "Latest release: {month}",
    "release.units": "Oku yen (100 million yen; 10,000 oku yen = ¥1 trillion), monthly figures as "
    "published; deficits are negative; n/a = not published, never zero.",
    "release.month": "{year}-{month:02d}",
    "release.month_names": "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec",
    "release.ytd.CY": "{year}, {first}–{last}",
    "release.ytd.FY": "FY{year}, {first}–{last}",
    "release.quarter.CY": "{year}Q{quarter}",
    "release.quarter.FY": "FY{year}Q{quarter}",
    "release.na": "n/a",
    "release.list_sep": ", ",
    "release.side.net": "balance",
    "release.side.debit": "payments",
    "release.side.credit": "receipts",
    "release.side_debit": "{item}: payments",
    "release.side_credit": "{item}: receipts",
    "release.col.month": "Month",
    "release.col.change": "Change",
    "release.col.growth": "Change, %",
    "release.col.r12": "12 months to {month}",
    "release.group.month": "Month",
    "release.group.ytd.CY": "Year to date",
    "release.group.ytd.FY": "Fiscal year to date",
    "release.group.r12": "12-month sum",
    "release.row.debit": "Payments",
    "release.row.credit": "Receipts",
    "release.msg.month": "Digital balance {value} in {month}, against {ago_value} in {ago}.",
    "release.msg.month.alone": "Digital balance {value} in {month} (the data hold no month a "
    "year earlier).",
    "release.msg.ytd.CY": "Year to date ({ytd}): {value}, against {prev_value} in the same "
    "months a year earlier ({prev}).",
    "release.msg.ytd.FY": "Fiscal year to date ({ytd}): {value}, against {prev_value} in the "
    "same months a year earlier ({prev}).",
    "release.msg.r12": "12 months to {month}: {value} ({prev_value} a year earlier); payments "
    "{payments}, receipts {receipts}.",
    "release.note.windows": "Digital balance, payments and receipts of the definition chosen on "
    "Assumptions ({definition} when built). Changes are on the same period a year earlier: for a "
    "deficit a negative change means it deepened. A sum of months is n/a unless every month "
    "is published.",
    "release.note.missing": "Not in the data for the months shown (n/a, never counted as zero): "
    "{items}.",
    "release.note.revision": "{series}, {month}: first released as {first} oku yen "
    "({first_vintage}), now {latest} oku yen ({latest_vintage}).",
    "release.recent": "The last 13 months",
    "release.axis": "Oku yen",
    "release.axis.r12": "12-month sum, oku yen",
    "release.chart.monthly": "Monthly digital balance by component, with the 12-month sum "
    "(right axis)",
    "release.chart.flows": "Monthly digital payments and receipts",
    "release.chart.components": "Payments and receipts by component: 12 months to the latest "
    "and a year earlier",
    "release.chart.quarterly.CY": "Quarterly digital payments, receipts and balance",
    "release.chart.quarterly.FY": "Quarterly digital payments, receipts and balance "
    "(fiscal-year quarters)",
    "release.chart.annual.CY": "Annual digital payments, receipts and balance (¥T)",
    "release.chart.annual.FY": "Digital payments, receipts and balance by fiscal year (¥T)",
    "release.chart.payments": "Payments",
    "release.chart.receipts": "Receipts",
    "release.chart.payments_to": "Payments, 12 months to {month}",
    "release.chart.receipts_to": "Receipts, 12 months to {month}",
    "months.title": "Monthly figures",
    "monthcharts.title": "Monthly charts to {month}",
    "monthcharts.note": "Oku yen unless stated; the last five years of months at most. Gaps "
    "are months not published (never zero). Components are stacked only in months where every "
    "component of the chosen definition is published. Quarters and years are sums of their "
    "months; an incomplete one is left out.",
    "countries.title": "Other countries: the digital balance on an IMF-comparable definition",
    "countries.subtitle": "Million US dollars, calendar years (IMF data have no fiscal "
    "years); deficits are negative. IMF-comparable definition: charges for the use of "
    "intellectual property (SH) + telecommunications, computer and information services (SI) + "
    "professional and management consulting services (SJ2). IMF data do not split copyright "
    "royalties out of IP charges, so this total is broader than the mof3 definition.",
    "countries.rate": "Yen per US dollar (Japan)",
    "countries.rate.user": "Given with --usdjpy {rate}: Japan's oku-yen figures converted at one "
    "rate for every year (its growth is in yen terms).",
    "countries.rate.none": "Not given: Japan's oku-yen figures are not converted (give --usdjpy "
    "RATE, or type a rate in the yellow cell).",
    "countries.rate.imf": "Not needed: Japan's figures are IMF data in US dollars.",
    "countries.latest": "Calendar year {year}, and growth since {base}",
    "countries.col.country": "Country",
    "countries.col.how": "Figures",
    "countries.col.net": "Balance {year}",
    "countries.col.debit": "Payments {year}",
    "countries.col.credit": "Receipts {year}",
    "countries.col.ratio": "Payments / receipts {year}",
    "countries.col.debit_x": "Payments, × {base}",
    "countries.col.credit_x": "Receipts, × {base}",
    "countries.how.imf": "IMF, US dollars",
    "countries.how.converted": "Converted from oku yen",
    "countries.how.no_rate": "Oku yen, not converted",
    "countries.by_year": "By calendar year (million US dollars)",
    "countries.data": "IMF figures used (million US dollars)",
    "countries.name": "{name} ({code})",
    "countries.note.not_found": "Not in the data file (n/a, never zero): {countries}.",
    "countries.note.items": "{country}: {items} not in the data, so its comparable figures are "
    "n/a.",
    "countries.plus": " + ",
    "countries.named_item": "{code} ({name})",
    "countries.note.definition": "Items summed: {items}; a year is n/a unless all three are "
    "published.",
    "country.JPN": "Japan",
    "country.USA": "United States",
    "country.DEU": "Germany",
    "country.KOR": "Korea",
    "country.GBR": "United Kingdom",
    "country.FRA": "France",
    "country.CHN": "China",
    "country.IND": "India",
    "country.IRL": "Ireland",
    "country.NLD": "Netherlands",
    "country.SGP": "Singapore",
    "country.CAN": "Canada",
    "country.AUS": "Australia",
    "country.ITA": "Italy",
    "glance.subtitle": "{periods}; definition {definition}; generated {generated}",
    "glance.no_months": "No monthly figures in the data: no latest release (give a monthly "
    "file from fetch or import with --data).",
    "glance.year_earlier": "A year earlier",
    "glance.note": "Every figure is a live formula in the workbook, which also holds the sheets "
    "of every observation used (with its source and vintage) left out of this PDF.",
}
