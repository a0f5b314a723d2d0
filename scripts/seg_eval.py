"""Segment pages into eval JSON (dev helper): seg_eval.py OUT FILE..."""
import json, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from banmian.tasks.text.segment import segment_page

out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
for f in sys.argv[2:]:
    r = segment_page(Path(f).read_text(encoding="utf-8"))
    (out / (Path(f).stem + ".json")).write_text(json.dumps(r.to_eval(), ensure_ascii=False, indent=1), encoding="utf-8")
