#!/usr/bin/env python3
"""Writes DurableClaims.Local.slnf: every project in the solution except the Azure Functions app,
whose packages cannot be restored on machines without the public NuGet registry (docs/deploy.md)."""
import json, pathlib, re
root = pathlib.Path(__file__).resolve().parent.parent
sln = (root / "DurableClaims.sln").read_text()
projects = re.findall(r'Project\("\{[^}]+\}"\) = "[^"]+", "([^"]+\.csproj)"', sln)
local = [p for p in projects if not p.startswith("src\\DurableClaims.Functions\\")]
(root / "DurableClaims.Local.slnf").write_text(json.dumps({"solution": {"path": "DurableClaims.sln", "projects": local}}, indent=2) + "\n")
print(f"{len(local)} of {len(projects)} projects in DurableClaims.Local.slnf")
