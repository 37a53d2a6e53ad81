// DateResolver: the date each sentence speaks of, in the Gregorian calendar.
#pragma once

#include "extractors/document.h"
#include "extractors/lexicon.h"

namespace diplograph {

// Sets Sentence::dates to the date expressions of each sentence, and
// Sentence::date to the first of them:
// Solar Hijri («۸ آذر ۱۴۰۵», «اول اردیبهشت ماه»), Gregorian in Persian or
// English («۸ مه ۲۰۲۴», "8 May 2024", "May 8, 2024", "May 2024"), weekdays
// («روز پنجشنبه», "on Thursday": the nearest such day on or before
// publication) and relative days («دیروز», "yesterday"). What needs the
// publication date (a weekday, a missing year) stays unresolved without it.
// Marks sentences that speak of another time («سال گذشته», "had") and sets
// Document::lead_date from the headline and lead. Only the lead and the
// sentences that name an actor are dated; calling it again after more actors
// are found dates their sentences too.
void ResolveDates(const Lexicon& lexicon, Document& doc);

}  // namespace diplograph
