"""Cross-article event merging: the same event told by several articles is one node.

Events of the same type whose times agree and whose arguments (agents, participants, place)
overlap are merged. Runs after entity resolution, over plain records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kg.iris import slugify
from kg.records import ArticleRecords, TimeValue
from kg.resolve import GlobalEvent, Resolution


def _year(t: TimeValue | None) -> str | None:
    return t.value[:4] if t and t.value else None


def _compatible_time(a: TimeValue | None, b: TimeValue | None) -> bool:
    if not a or not b or not a.value or not b.value:
        return True
    n = min(len(a.value), len(b.value))
    return a.value[:n] == b.value[:n]


def merge_events(records: list[ArticleRecords], res: Resolution) -> None:
    """Merge events of the same type whose times agree and whose participants or place overlap."""
    groups: list[dict] = []
    for rec in records:
        aid = rec.article.id
        for ev in rec.events:
            ref = (aid, ev.key)
            args = {res.entity_of[(aid, k)] for k in (*ev.agents, *ev.participants) if (aid, k) in res.entity_of}
            place = res.entity_of.get((aid, ev.place)) if ev.place else None
            target = None
            for g in groups:
                if g["type"] != ev.type or aid in g["articles"]:
                    continue
                if not _compatible_time(g["time"], ev.time):
                    continue
                if (args & g["args"]) or (place and place in g["places"]):
                    target = g
                    break
            if target is None:
                target = {"type": ev.type, "refs": [], "args": set(), "places": set(), "time": None,
                          "articles": set(), "events": []}
                groups.append(target)
            target["refs"].append(ref)
            target["articles"].add(aid)
            target["events"].append((aid, ev))
            target["args"] |= args
            if place:
                target["places"].add(place)
            if ev.time and ev.time.value and (not target["time"] or not target["time"].value
                                             or len(ev.time.value) > len(target["time"].value)):
                target["time"] = ev.time
    used: Counter[str] = Counter()
    for g in groups:
        events = g["events"]
        label = max((e.label for _, e in events), key=lambda s: (len(s), s))
        when = g["time"] or next((e.time for _, e in events if e.time), None)
        year = _year(when)
        slug = slugify(f"{g['type']}-{label}" + (f"-{year}" if year else ""), limit=70)
        used[slug] += 1
        if used[slug] > 1:
            slug = f"{slug}-{used[slug]}"

        def glob(aid: str, keys: Iterable[str]) -> list[str]:
            return [res.entity_of[(aid, k)] for k in keys if (aid, k) in res.entity_of]

        agents = sorted({s for aid, e in events for s in glob(aid, e.agents)})
        participants = sorted({s for aid, e in events for s in glob(aid, e.participants)} - set(agents))
        places = Counter(s for aid, e in events for s in glob(aid, [e.place] if e.place else []))
        place = sorted(places, key=lambda p: (-places[p], p))[0] if places else None
        res.events[slug] = GlobalEvent(slug, g["type"], label, when, agents, participants, place, g["refs"])
        for ref in g["refs"]:
            res.event_of[ref] = slug
