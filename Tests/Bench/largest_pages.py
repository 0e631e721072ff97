#!/usr/bin/env python3
"""The largest HTML page of each kind in a built site, for the page budget (300 KB a page).
    python3 Tests/Bench/largest_pages.py OUTPUT_FOLDER [--budget KB]
Kinds are paths with their slugs, years, months and page numbers folded (people/SLUG/,
timeline/YYYY/MM/, briefings/page/N/). Exits 1 when a page is over the budget."""
import os,sys,re
root=sys.argv[1]
budget=float(sys.argv[sys.argv.index('--budget')+1]) if '--budget' in sys.argv else 300.0
kinds={}
for d,_,fs in os.walk(root):
    for f in fs:
        if not f.endswith('.html'): continue
        p=os.path.join(d,f); rel=os.path.relpath(p,root)
        k=re.sub(r'page/\d+/','page/N/',rel)
        k=re.sub(r'briefings/[^/]+/index','briefings/SLUG/index',k) if not k.startswith('briefings/page') and k!='briefings/index.html' else k
        k=re.sub(r'people/letter/[^/]+/','people/letter/L/',k)
        k=re.sub(r'people/(?!letter/)[^/]+/','people/SLUG/',k)
        k=re.sub(r'topics/[^/]+/','topics/SLUG/',k)
        k=re.sub(r'timeline/\d{4}/\d\d/','timeline/YYYY/MM/',k)
        k=re.sub(r'timeline/\d{4}/','timeline/YYYY/',k)
        sz=os.path.getsize(p)
        if k not in kinds or kinds[k][0]<sz: kinds[k]=(sz,rel)
for k,(sz,rel) in sorted(kinds.items(), key=lambda x:-x[1][0]):
    print(f"{sz/1024:9.1f} KB  {k:40s} {rel}")
over=[k for k,(sz,_) in kinds.items() if sz/1024>budget]
print(f"largest page: {max(sz for sz,_ in kinds.values())/1024:.1f} KB; budget {budget:.0f} KB: " + ("met" if not over else "over in " + ", ".join(over)))
sys.exit(1 if over else 0)
