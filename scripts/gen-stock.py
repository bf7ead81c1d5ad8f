#!/usr/bin/env python3
"""Writes a CSV of N eSIM profiles with valid, distinct ICCIDs, for the import benchmark."""
import sys

def luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)

n = int(sys.argv[1])
plans = ["russia-10gb-30d;russia-5gb-15d", "russia-1gb-7d", "russia-unlimited-30d"]
out = sys.stdout
out.write("iccid,smdp_address,matching_id,confirmation_code,carrier,plans\n")
for i in range(n):
    body = f"894470{i:012d}"
    iccid = body + luhn_digit(body)
    out.write(f"{iccid},smdp.bench.example,BENCH-{i:08d}-K,,Bench Mobile,{plans[i % 3]}\n")
