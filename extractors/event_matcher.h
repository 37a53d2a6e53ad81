// EventMatcher: finds the event constructions of the rules in each sentence.
#pragma once

#include <vector>

#include "extractors/document.h"
#include "extractors/event_rules.h"

namespace diplograph {

// Fills doc.events with every match of a rule of the document's language:
// its subject and object mentions and its modality (negated by ن / "not",
// intended by خواهد / قرار است / "will" or by the rule). Needs
// ResolveCoreference.
void MatchEvents(const EventRuleIndex& rules, Document& doc);

}  // namespace diplograph
