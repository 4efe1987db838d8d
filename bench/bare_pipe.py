"""The baseline of the overhead ratio: the same spaCy model over the same texts, nothing else.

Usage: python bench/bare_pipe.py CORPUS_DIR [--model NAME] [--kg-pipeline] [--n-process N]. Prints JSON timings.

The pipeline is spaCy's own (``spacy.load``); with ``--kg-pipeline`` it is the one ``kg build`` runs
(:func:`kg.nlp.load_model`: the same model, with kg's paragraph breaks and its indexed attribute ruler),
so that the report can say how much of kg's lead or lag is the pipeline and how much kg's own work.
``--n-process N`` runs spaCy's own multiprocessing (``nlp.pipe(n_process=N)``): how well the model
alone scales on the machine, the bound for ``kg build --jobs N``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> None:
    t0 = time.perf_counter()
    import spacy

    from kg.nlp import model_name

    folder = Path(sys.argv[1])
    model = sys.argv[sys.argv.index("--model") + 1] if "--model" in sys.argv else model_name()
    if "--kg-pipeline" in sys.argv:
        from kg.nlp import load_model

        nlp = load_model(model)
    else:
        nlp = spacy.load(model)
    t1 = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    t2 = time.perf_counter()
    tokens = 0
    n_process = int(sys.argv[sys.argv.index("--n-process") + 1]) if "--n-process" in sys.argv else 1
    for doc in nlp.pipe(texts, batch_size=32, n_process=n_process):
        tokens += len(doc)
    t3 = time.perf_counter()
    print(json.dumps({"model": model, "n_process": n_process, "import_load_s": t1 - t0, "read_s": t2 - t1,
                      "pipe_s": t3 - t2,
                      "docs": len(texts), "words": sum(len(t.split()) for t in texts), "tokens": tokens}))


if __name__ == "__main__":
    main()
