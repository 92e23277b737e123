#!/usr/bin/env python3
"""Loads province-scale data through Dti.Api's own HTTP API (benchmarks/run.sh calls it):
150 agencies; seven 2026 plans with 300 tasks and 56 index assignments in all, issued with the 3 reference deadline rules;
for the calendar feed, an eighth 2026 plan (illustrative) reporting by 20 monthly rules, whose one index the second
agency leads: that agency owes 240 monthly reports in 2026, besides its share of the seven plans.
For report submissions: a reporter client per lead agency of the seven plans (56), acting for that agency alone, and a draft
report with one entry for each of the seven plans' 280 obligations, split between reports-api.txt and reports-raw.txt
(report-id and the reporter's key per line), so that Dti.Api and the raw endpoint each cycle their own 140.
Usage: load.py <base-url> <api-key> <out-dir>; writes agencies.txt, tasks.txt (plan-id/task-id), feed-agency.txt and the
two report files there."""
import json
import sys
import urllib.error
import urllib.request

base, key, out = sys.argv[1], sys.argv[2], sys.argv[3]


def call(method, path, body=None, if_match=None, key=key):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + "/api/v1" + path, data=data, method=method)
    request.add_header("X-Api-Key", key)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if if_match:
        request.add_header("If-Match", if_match)
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read()
            return (json.loads(text) if text else None), response.headers.get("ETag")
    except urllib.error.HTTPError as error:
        sys.exit(f"load.py: {method} {path} answered {error.code}: {error.read().decode()}")


agencies = [call("POST", "/agencies", {
    "code": f"000.{n // 100:02d}.{n % 100:02d}.H50", "fullName": f"Cơ quan thử tải {n}", "shortName": f"CQ {n}",
    "kind": "Department", "validFrom": "2020-01-01"})[0]["id"] for n in range(150)]

framework, _ = call("GET", "/assessment-years/2026/framework")
codes = [i["code"] for i in framework["mainIndices"]] + [c["code"] for i in framework["mainIndices"] for c in i["componentIndices"]]
# The 2026 framework has 8 main indices and an index is assigned once per plan: 7 plans of 8 assignments each give 56.
plans = []
for p in range(7):
    plan, _ = call("POST", "/plans", {
        "kind": "Plan", "documentNumber": f"{170 + p}/KH-UBND", "issuerAgencyId": agencies[0], "issueDate": "2025-12-15",
        "title": f"Kế hoạch thử tải {p + 1}", "firstAssessmentYear": 2026, "lastAssessmentYear": 2026, "targetRankGroup": "khá",
        "solutionGroups": [{"order": 1, "title": "Về nhận thức số", "mainIndexCode": codes[0]}]})
    plans.append(plan["id"])
assignments = [(plans[n // len(codes)], codes[n % len(codes)]) for n in range(56)]
for n, (plan_id, code) in enumerate(assignments):
    call("POST", f"/plans/{plan_id}/assignments", {"indexCode": code, "leadAgencyId": agencies[(n * 7) % 150]})
tasks = []
for n in range(300):
    plan_id = plans[n % len(plans)]
    task, _ = call("POST", f"/plans/{plan_id}/tasks", {"title": f"Nhiệm vụ {n}", "leadAgencyId": agencies[n % 150], "dueMonth": "2026-11"})
    tasks.append(f"{plan_id}/{task['id']}")

rules, _ = call("GET", "/deadline-rules?pageSize=100")
for plan_id in plans:
    _, etag = call("GET", f"/plans/{plan_id}")
    call("PUT", f"/plans/{plan_id}/reporting-rules", {"ruleIds": [r["id"] for r in rules["items"]][:3]}, etag)
    _, etag = call("GET", f"/plans/{plan_id}")
    call("POST", f"/plans/{plan_id}/issue", None, etag)

# The calendar feed's agency: 20 monthly rules (due on the 5th, 6th, … of the month), one plan, one index.
monthly = [call("POST", "/deadline-rules", {
    "name": f"Báo cáo tháng {n + 1} (thử tải)", "frequency": "Monthly", "due": {"kind": "DayOfLastMonth", "day": 5 + n},
    "boundary": "Before"})[0]["id"] for n in range(20)]
plan, _ = call("POST", "/plans", {
    "kind": "Plan", "documentNumber": "177/KH-UBND", "issuerAgencyId": agencies[0], "issueDate": "2025-12-15",
    "title": "Kế hoạch thử tải báo cáo tháng", "firstAssessmentYear": 2026, "lastAssessmentYear": 2026, "targetRankGroup": "khá",
    "solutionGroups": [{"order": 1, "title": "Về nhận thức số", "mainIndexCode": codes[0]}]})
call("POST", f"/plans/{plan['id']}/assignments", {"indexCode": codes[0], "leadAgencyId": agencies[1]})
_, etag = call("GET", f"/plans/{plan['id']}")
call("PUT", f"/plans/{plan['id']}/reporting-rules", {"ruleIds": monthly}, etag)
_, etag = call("GET", f"/plans/{plan['id']}")
call("POST", f"/plans/{plan['id']}/issue", None, etag)
# Draft reports, one per obligation of the seven plans, by the lead agency's own reporter client.
obligations, page = [], 1
while True:
    listed, _ = call("GET", f"/obligations?from=2026-01-01&to=2026-12-31&pageSize=100&page={page}")
    obligations += [o for o in listed["items"] if o["plan"]["id"] in plans and o["role"] == "Lead"]
    if page * 100 >= listed["totalCount"]:
        break
    page += 1
reporters = {}
for agency_id in sorted({o["agency"]["id"] for o in obligations}):
    created, _ = call("POST", "/clients", {"name": f"Hệ thống báo cáo thử tải {len(reporters) + 1}", "roles": ["AgencyReporter"], "agencyIds": [agency_id]})
    reporters[agency_id] = created["apiKey"]
report_lines = []
for o in obligations:
    agency_id = o["agency"]["id"]
    report, etag = call("POST", "/reports", {"kind": "Periodic", "agencyId": agency_id, "planId": o["plan"]["id"],
                                             "deadlineRuleId": o["rule"]["id"], "periodId": o["periodId"]}, key=reporters[agency_id])
    call("PUT", f"/reports/{report['id']}", {
        "entries": [{"indexCode": code, "numericValue": 50, "score": 10, "note": "Số liệu thử tải"} for code in o["indexCodes"]],
        "results": "Kết quả thử tải: các nhiệm vụ đúng tiến độ.", "difficulties": None, "proposals": None}, etag, key=reporters[agency_id])
    report_lines.append(f"{report['id']} {reporters[agency_id]}")
with open(f"{out}/reports-api.txt", "w") as f:
    f.write("\n".join(report_lines[0::2]) + "\n")
with open(f"{out}/reports-raw.txt", "w") as f:
    f.write("\n".join(report_lines[1::2]) + "\n")

with open(f"{out}/feed-agency.txt", "w") as f:
    f.write(agencies[1] + "\n")

with open(f"{out}/agencies.txt", "w") as f:
    f.write("\n".join(agencies) + "\n")
with open(f"{out}/tasks.txt", "w") as f:
    f.write("\n".join(tasks) + "\n")
obligations, _ = call("GET", "/obligations?from=2026-01-01&to=2026-12-31&pageSize=1")
feed, _ = call("GET", f"/agencies/{agencies[1]}/obligations?from=2026-01-01&to=2026-12-31&pageSize=1")
print(f"load.py: {len(agencies)} agencies, {len(tasks)} tasks, {len(assignments)} assignments in {len(plans)} plans, "
      f"{min(3, len(rules['items']))} rules; obligations: {obligations['totalCount']} in 2026; "
      f"the feed's agency: {feed['totalCount']} in 2026 (a 20-rule plan of its own); {len(report_lines)} draft reports by "
      f"{len(reporters)} reporter clients")
