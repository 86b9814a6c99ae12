# operations: metrics (R-OPS-1). /metrics is read by machines (Prometheus text format with
# English help lines) and shows no text to people; refused callers get the usual 404 page.
