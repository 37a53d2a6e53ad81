// TimelinejsWriter: the selection as a TimelineJS timeline, an event per dated statement.
#pragma once

#include <iosfwd>

#include "queries/export/export.h"

namespace diplograph {

// {"events": [...]}, one event a line: "unique_id" "stmt-N", "start_date"
// with as many of year, month and day as the date has, "group" the
// predicate, and "text": a headline ("Iran supports Expo 2027 Belgrade")
// and, as HTML, the evidence sentence and each source with a publisher or
// URL, linked to the URL when it is http(s). TimelineJS needs a start date,
// so undated statements are left out (Edge returns false for them).
class TimelinejsWriter : public ExportWriter {
 public:
  explicit TimelinejsWriter(std::ostream& out) : out_(out) {}
  bool WantsNodes() const override { return false; }
  void Begin() override;
  void Node(const ExportNode&) override {}
  bool Edge(const StoredStatement& stored) override;
  void End() override;

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace diplograph
