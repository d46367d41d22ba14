-- wrk's --latency prints the 50th, 75th, 90th and 99th percentiles; the cache-miss table of
-- bench/http_bench.py also reports the 95th, which wrk computes only when asked from a script.
done = function(summary, latency, requests)
  io.write(string.format("Latency 95th percentile: %d us\n", latency:percentile(95)))
end
