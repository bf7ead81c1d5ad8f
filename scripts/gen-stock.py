#!/usr/bin/env python3
"""Writes a CSV of N eSIM profiles with valid, distinct ICCIDs, for the import benchmark."""
import sys

from luhn import luhn_digit

n = int(sys.argv[1])
plans = ["russia-10gb-30d;russia-5gb-15d", "russia-1gb-7d", "russia-unlimited-30d"]
out = sys.stdout
out.write("iccid,smdp_address,matching_id,confirmation_code,carrier,plans\n")
for i in range(n):
    body = f"894470{i:012d}"
    iccid = body + luhn_digit(body)
    out.write(f"{iccid},smdp.bench.example,BENCH-{i:08d}-K,,Bench Mobile,{plans[i % 3]}\n")
