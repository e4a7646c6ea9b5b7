"""Differently written answers to every graded function of the assignments, right and wrong.

CORRECT[assignment] is a list of students; each student answers every graded function of the assignment
in its own way (pandas idioms, regular expressions, loops), and must get full marks.
WRONG[assignment] is a list of students; each carries one typical mistake per function, and must lose
exactly the test cells named with it: one property each, never a cascade into another function's cells.
Keys are the grade_ids of the answer cells; values are the whole new source of the cell.
"""

from __future__ import annotations

CORRECT: dict[str, list[dict[str, str]]] = {
    "sourcing": [
        {
            "count_by_type_answer": '''
def count_by_type(table):
    counts = table.groupby("type")["source"].nunique()
    return counts.sort_values(ascending=False, kind="stable")
''',
            "full_name_share_answer": '''
def full_name_share(table):
    total = table["source"].nunique()
    named = table.loc[table["identified_by"] == "full name", "source"].nunique()
    return named / total if total else 0.0
''',
            "anonymous_sources_answer": '''
def anonymous_sources(table):
    result = []
    for _, row in table.sort_values("paragraph", kind="stable").iterrows():
        if row["identified_by"] != "full name" and row["source"] not in result:
            result.append(row["source"])
    return result
''',
            "stated_conditions_answer": '''
def stated_conditions(table):
    kept = table.loc[table["condition"].str.strip().str.len() > 0, ["paragraph", "source", "condition"]]
    return kept.sort_values("paragraph", kind="stable").reset_index(drop=True)
''',
            "most_cited_answer": '''
def most_cited(table, n=3):
    counts = table.groupby("source")["paragraph"].nunique()
    return counts.sort_values(ascending=False, kind="stable").head(n)
''',
        },
        {
            "count_by_type_answer": '''
def count_by_type(table):
    type_of = {}
    for source, kind in zip(table["source"], table["type"]):
        type_of[source] = kind
    counts = {}
    for kind in type_of.values():
        counts[kind] = counts.get(kind, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return pd.Series(dict(ordered))
''',
            "full_name_share_answer": '''
def full_name_share(table):
    everyone, named = set(), set()
    for _, row in table.iterrows():
        everyone.add(row["source"])
        if row["identified_by"] == "full name":
            named.add(row["source"])
    if len(everyone) == 0:
        return 0.0
    return len(named) / len(everyone)
''',
            "anonymous_sources_answer": '''
def anonymous_sources(table):
    anonymous = table[table["identified_by"].isin(["adopted name", "description only"])]
    first = anonymous.groupby("source")["paragraph"].min().sort_values(kind="stable")
    return list(first.index)
''',
            "stated_conditions_answer": '''
def stated_conditions(table):
    rows = [(number, source, condition)
            for number, source, condition in zip(table["paragraph"], table["source"], table["condition"])
            if condition.strip()]
    rows.sort(key=lambda row: row[0])
    return pd.DataFrame(rows, columns=["paragraph", "source", "condition"])
''',
            "most_cited_answer": '''
from collections import Counter

def most_cited(table, n=3):
    pairs = set(zip(table["source"], table["paragraph"]))
    counts = Counter(source for source, _ in pairs)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
    return pd.Series(dict(top))
''',
        },
        {
            "count_by_type_answer": '''
def count_by_type(table):
    frame = table.drop_duplicates("source")["type"].value_counts().rename_axis("kind").reset_index(name="n")
    frame = frame.sort_values(["n", "kind"], ascending=[False, True])
    return frame.set_index("kind")["n"]
''',
            "full_name_share_answer": '''
def full_name_share(table):
    per_source = table.groupby("source")["identified_by"].first()
    if per_source.empty:
        return 0.0
    return float((per_source == "full name").sum() / len(per_source))
''',
            "anonymous_sources_answer": '''
def anonymous_sources(table):
    ordered = table.sort_values("paragraph", kind="mergesort")
    return list(dict.fromkeys(ordered.query("identified_by != 'full name'")["source"]))
''',
            "stated_conditions_answer": '''
def stated_conditions(table):
    mask = table["condition"].apply(lambda text: text.strip() != "")
    chosen = table[mask].sort_values(by="paragraph", kind="mergesort")
    return chosen[["paragraph", "source", "condition"]].reset_index(drop=True)
''',
            "most_cited_answer": '''
def most_cited(table, n=3):
    counts = table.drop_duplicates(["source", "paragraph"]).groupby("source").size().reset_index(name="paragraphs")
    counts = counts.sort_values(["paragraphs", "source"], ascending=[False, True])
    return counts.set_index("source")["paragraphs"].head(n)
''',
        },
    ],
    "attribution": [
        {
            "find_quotes_answer": '''
def find_quotes(text):
    return re.findall(r'["\\u201c]([^"\\u201c\\u201d\\n]*)["\\u201d]', text)
''',
            "find_speaker_answer": '''
def find_speaker(paragraph):
    name = r"[A-Z][a-z]+(?:[ -](?:al[ -])?[A-Z][a-z]+)*"
    for match in re.finditer(rf"\\bsaid ({name})|\\b({name})(?: also)? (?:said|told)\\b", paragraph):
        speaker = match.group(1) if match.group(1) else match.group(2)
        if speaker not in ("He", "She", "They", "It", "We", "I"):
            return speaker
    return None
''',
            "check_quotes_answer": '''
def check_quotes(quotes, original_text):
    original = re.sub(r"\\s+", " ", original_text)
    rows = []
    for quote in quotes:
        core = re.sub(r"\\s+", " ", quote).strip(" .,;:!?")
        rows.append([quote, core in original])
    return pd.DataFrame(rows, columns=["quote", "found"])
''',
        },
        {
            "find_quotes_answer": '''
def find_quotes(text):
    return [match.group(1) for match in re.finditer(r'[“"]([^\\n"“”]*?)[”"]', text)]
''',
            "find_speaker_answer": '''
NAME = r"[A-Z][a-z]+(?:(?:[ -]|[ -]al[ -])[A-Z][a-z]+)*"
PRONOUNS = ["He", "She", "They", "It", "We", "I"]

def find_speaker(paragraph):
    candidates = []
    for match in re.finditer(r"\\bsaid (" + NAME + ")", paragraph):
        candidates.append((match.start(), match.group(1)))
    for match in re.finditer(r"\\b(" + NAME + r")(?: also)? (?:said|told)\\b", paragraph):
        candidates.append((match.start(), match.group(1)))
    for _, name in sorted(candidates):
        if name not in PRONOUNS:
            return name
    return None
''',
            "check_quotes_answer": '''
def check_quotes(quotes, original_text):
    original = " ".join(original_text.split())
    found = [" ".join(quote.split()).strip(" .,;:!?") in original for quote in quotes]
    return pd.DataFrame({"quote": list(quotes), "found": found})
''',
        },
        {
            "find_quotes_answer": '''
def find_quotes(text):
    quotes, current, inside = [], "", False
    for char in text:
        if char in '"“”':
            if inside:
                quotes.append(current)
            inside = not inside
            current = ""
        elif char == "\\n":
            inside = False
        elif inside:
            current += char
    return quotes
''',
            "find_speaker_answer": '''
def find_speaker(paragraph):
    pronoun = r"(?!(?:He|She|They|It|We|I)\\b)"
    name = r"[A-Z][a-z]+(?:[ -](?:al[ -])?[A-Z][a-z]+)*"
    pattern = rf"\\bsaid {pronoun}(?P<after>{name})|\\b{pronoun}(?P<before>{name})(?: also)? (?:said|told)\\b"
    match = re.search(pattern, paragraph)
    if match is None:
        return None
    return match.group("after") or match.group("before")
''',
            "check_quotes_answer": '''
def check_quotes(quotes, original_text):
    table = pd.DataFrame({"quote": pd.Series(quotes, dtype=object)})
    original = " ".join(original_text.split())
    table["found"] = table["quote"].apply(lambda quote: " ".join(quote.split()).strip(" .,;:!?") in original)
    return table
''',
        },
    ],
    "syndication": [
        {
            "shingles_answer": '''
def shingles(tokens, k=5):
    if len(tokens) == 0:
        return set()
    if len(tokens) < k:
        return {tuple(tokens)}
    return set(zip(*(tokens[start:] for start in range(k))))
''',
            "jaccard_answer": '''
def jaccard(a, b):
    union = a.union(b)
    return len(a.intersection(b)) / len(union) if union else 0.0


def containment(part, whole):
    return len(part.intersection(whole)) / len(part) if part else 0.0
''',
            "missing_paragraphs_answer": '''
def missing_paragraphs(original_paragraphs, copy_text, k=5, threshold=0.5):
    copy_shingles = shingles(words(copy_text), k)
    return [number for number, paragraph in enumerate(original_paragraphs, start=1)
            if containment(shingles(words(paragraph), k), copy_shingles) < threshold]
''',
            "classify_edit_answer": '''
def classify_edit(original, copy):
    if original == copy:
        return "identical"
    old_words, new_words = words(original), words(copy)
    if "".join(old_words) == "".join(new_words):
        return "punctuation, capitals or hyphens"
    opcodes = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes()
    kinds = {tag for tag, _, _, _, _ in opcodes} - {"equal"}
    names = {"delete": "words cut", "insert": "words added", "replace": "words changed"}
    return names[kinds.pop()] if len(kinds) == 1 else "several edits"
''',
        },
        {
            "shingles_answer": '''
def shingles(tokens, k=5):
    found = set()
    if 0 < len(tokens) < k:
        found.add(tuple(tokens))
    start = 0
    while start + k <= len(tokens):
        found.add(tuple(tokens[start:start + k]))
        start += 1
    return found
''',
            "jaccard_answer": '''
def jaccard(a, b):
    try:
        return len(a & b) / len(a | b)
    except ZeroDivisionError:
        return 0.0


def containment(part, whole):
    try:
        return len(part & whole) / len(part)
    except ZeroDivisionError:
        return 0.0
''',
            "missing_paragraphs_answer": '''
def missing_paragraphs(original_paragraphs, copy_text, k=5, threshold=0.5):
    copy_shingles = shingles(words(copy_text), k)
    missing = []
    index = 0
    while index < len(original_paragraphs):
        own = shingles(words(original_paragraphs[index]), k)
        if not containment(own, copy_shingles) >= threshold:
            missing.append(index + 1)
        index += 1
    return missing
''',
            "classify_edit_answer": '''
def classify_edit(original, copy):
    if original == copy:
        return "identical"
    if re.sub(r"[^a-z0-9]", "", original.lower()) == re.sub(r"[^a-z0-9]", "", copy.lower()):
        return "punctuation, capitals or hyphens"
    counts = {"delete": 0, "insert": 0, "replace": 0}
    for tag, *_ in difflib.SequenceMatcher(None, words(original), words(copy), autojunk=False).get_opcodes():
        if tag != "equal":
            counts[tag] += 1
    used = [tag for tag, count in counts.items() if count]
    if len(used) > 1:
        return "several edits"
    return {"delete": "words cut", "insert": "words added", "replace": "words changed"}[used[0]]
''',
        },
        {
            "shingles_answer": '''
def shingles(tokens, k=5):
    result = set()
    if not tokens:
        return result
    for start in range(max(1, len(tokens) - k + 1)):
        result.add(tuple(tokens[start:start + k]))
    return result
''',
            "jaccard_answer": '''
def jaccard(a, b):
    shared = len(set(a) & set(b))
    either = len(set(a) | set(b))
    if either == 0:
        return 0.0
    return float(shared) / either


def containment(part, whole):
    if len(part) == 0:
        return 0.0
    return sum(1 for item in part if item in whole) / len(part)
''',
            "missing_paragraphs_answer": '''
def missing_paragraphs(original_paragraphs, copy_text, k=5, threshold=0.5):
    copy_shingles = shingles(words(copy_text), k)
    result = []
    for index, paragraph in enumerate(original_paragraphs):
        share = containment(shingles(words(paragraph), k), copy_shingles)
        if share < threshold:
            result.append(index + 1)
    return result
''',
            "classify_edit_answer": '''
def classify_edit(original, copy):
    if original == copy:
        return "identical"
    old, new = words(original), words(copy)
    if "".join(old) == "".join(new):
        return "punctuation, capitals or hyphens"
    kinds = [tag for tag, *_ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
             if tag != "equal"]
    if all(kind == "delete" for kind in kinds):
        return "words cut"
    if all(kind == "insert" for kind in kinds):
        return "words added"
    if all(kind == "replace" for kind in kinds):
        return "words changed"
    return "several edits"
''',
        },
    ],
}

WRONG: dict[str, list[dict[str, tuple[str, set[str]]]]] = {
    "sourcing": [
        {
            "count_by_type_answer": ('''
def count_by_type(table):
    return table["type"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
''', {"count_by_type_distinct_sources"}),  # counts rows (mentions), not sources
            "full_name_share_answer": ('''
def full_name_share(table):
    if len(table) == 0:
        return 0.0
    return float((table["identified_by"] == "full name").mean())
''', {"full_name_share_distinct_sources"}),  # share of rows, not of sources
            "anonymous_sources_answer": ('''
def anonymous_sources(table):
    anonymous = table[table["identified_by"] != "full name"]
    return list(anonymous["source"].drop_duplicates())
''', {"anonymous_sources_first_citation_order"}),  # row order, not paragraph order
            "stated_conditions_answer": ('''
def stated_conditions(table):
    stated = table[table["condition"] != ""].sort_values("paragraph", kind="stable")
    return stated[["paragraph", "source", "condition"]].reset_index(drop=True)
''', {"stated_conditions_blank_condition"}),  # a condition of spaces kept
            "most_cited_answer": ('''
def most_cited(table, n=3):
    return table["source"].value_counts().sort_index().sort_values(ascending=False, kind="stable").head(n)
''', {"most_cited_paragraph_counts"}),  # counts rows, not paragraphs
        },
        {
            "count_by_type_answer": ('''
def count_by_type(table):
    counts = table.drop_duplicates("source")["type"].value_counts()
    return counts.sort_index(ascending=False).sort_values(ascending=False, kind="stable")
''', {"count_by_type_ties_alphabetical"}),  # ties in reverse alphabetical order
            "full_name_share_answer": ('''
def full_name_share(table):
    sources = table.drop_duplicates("source")
    if len(sources) == 0:
        return 0.0
    return float((sources["identified_by"] != "description only").mean())
''', {"full_name_share_adopted_names"}),  # adopted names counted as names
            "anonymous_sources_answer": ('''
def anonymous_sources(table):
    in_order = table.sort_values("paragraph", kind="stable")
    return list(in_order[in_order["identified_by"] == "description only"]["source"].drop_duplicates())
''', {"anonymous_sources_adopted_names"}),  # adopted names left out
            "stated_conditions_answer": ('''
def stated_conditions(table):
    stated = table[table["condition"].str.strip() != ""].sort_values("paragraph", kind="stable")
    return stated[["paragraph", "source", "condition"]]
''', {"stated_conditions_rows_and_columns"}),  # index not reset
            "most_cited_answer": ('''
def most_cited(table, n=3):
    counts = table.drop_duplicates(["source", "paragraph"])["source"].value_counts()
    return counts.sort_index(ascending=False).sort_values(ascending=False, kind="stable").head(n)
''', {"most_cited_ties_alphabetical"}),  # ties in reverse alphabetical order
        },
        {
            "count_by_type_answer": ('''
def count_by_type(table):
    return table.drop_duplicates("source")["type"].value_counts().sort_index().sort_values(kind="stable")
''', {"count_by_type_ties_alphabetical"}),  # smallest count first
            "full_name_share_answer": ('''
def full_name_share(table):
    sources = table.drop_duplicates("source")
    return float((sources["identified_by"] == "full name").sum() / len(sources))
''', {"full_name_share_empty_table"}),  # no guard for an empty table
            "anonymous_sources_answer": ('''
def anonymous_sources(table):
    in_order = table.sort_values("paragraph", kind="stable")
    return list(in_order[in_order["identified_by"] != "full name"]["source"])
''', {"anonymous_sources_first_citation_order"}),  # a source listed once per row
            "stated_conditions_answer": ('''
def stated_conditions(table):
    stated = table[table["condition"].str.strip() != ""].sort_values("paragraph", kind="stable")
    return stated[["source", "paragraph", "condition"]].reset_index(drop=True)
''', {"stated_conditions_rows_and_columns"}),  # columns in the wrong order
            "most_cited_answer": ('''
def most_cited(table, n=3):
    counts = table.drop_duplicates(["source", "paragraph"])["source"].value_counts().sort_index()
    return counts.sort_values(ascending=False, kind="stable").head(3)
''', {"most_cited_ties_alphabetical"}),  # ignores n
        },
    ],
    "attribution": [
        {
            "find_quotes_answer": ('''
def find_quotes(text):
    return re.findall(r'"([^"\\n]*)"', text)
''', {"find_quotes_curly_marks"}),  # straight marks only
            "find_speaker_answer": ('''
def find_speaker(paragraph):
    name = r"[A-Z][a-z]+(?:[ -](?:al[ -])?[A-Z][a-z]+)*"
    for match in re.finditer(rf"\\bsaid ({name})", paragraph):
        if match.group(1) not in {"He", "She", "They", "It", "We", "I"}:
            return match.group(1)
    return None
''', {"find_speaker_name_first"}),  # only the verb-first order
            "check_quotes_answer": ('''
def check_quotes(quotes, original_text):
    rows = [{"quote": quote, "found": quote.strip(" .,;:!?") in original_text} for quote in quotes]
    return pd.DataFrame(rows, columns=["quote", "found"])
''', {"check_quotes_whitespace"}),  # whitespace not normalised
        },
        {
            "find_quotes_answer": ('''
def find_quotes(text):
    return re.findall(r'["“](.*)["”]', text)
''', {"find_quotes_straight_marks"}),  # greedy: two quotes on a line become one
            "find_speaker_answer": ('''
def find_speaker(paragraph):
    name = r"[A-Z][a-z]+(?:[ -](?:al[ -])?[A-Z][a-z]+)*"
    match = re.search(rf"\\bsaid ({name})|\\b({name})(?: also)? (?:said|told)\\b", paragraph)
    if match is None:
        return None
    return match.group(1) or match.group(2)
''', {"find_speaker_no_name"}),  # pronouns taken as names
            "check_quotes_answer": ('''
def check_quotes(quotes, original_text):
    original = " ".join(original_text.split())
    rows = [{"quote": quote, "found": " ".join(quote.split()) in original} for quote in quotes]
    return pd.DataFrame(rows, columns=["quote", "found"])
''', {"check_quotes_word_for_word"}),  # edge punctuation not removed
        },
        {
            "find_quotes_answer": ('''
def find_quotes(text):
    return re.findall(r'["“]([^"“”]*)["”]', text)
''', {"find_quotes_line_breaks"}),  # a quotation may run across a line break
            "find_speaker_answer": ('''
def find_speaker(paragraph):
    name = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*"
    for match in re.finditer(rf"\\bsaid ({name})|\\b({name})(?: also)? (?:said|told)\\b", paragraph):
        speaker = match.group(1) or match.group(2)
        if speaker not in {"He", "She", "They", "It", "We", "I"}:
            return speaker
    return None
''', {"find_speaker_verb_first"}),  # the joining word "al" not allowed in a name
            "check_quotes_answer": ('''
def check_quotes(quotes, original_text):
    original = " ".join(original_text.split())
    return pd.DataFrame([{"quote": q, "found": " ".join(q.split()).strip(" .,;:!?") in original} for q in quotes])
''', {"check_quotes_no_quotes"}),  # an empty list gives a table without columns
        },
    ],
    "syndication": [
        {
            "shingles_answer": ('''
def shingles(tokens, k=5):
    if not tokens:
        return set()
    if len(tokens) < k:
        return {tuple(tokens)}
    return {tuple(tokens[start:start + k]) for start in range(len(tokens) - k)}
''', {"shingles_k_word_tuples"}),  # misses the last shingle
            "jaccard_answer": ('''
def jaccard(a, b):
    return len(a & b) / max(len(a), len(b), 1)


def containment(part, whole):
    if not part:
        return 0.0
    return len(part & whole) / len(part)
''', {"jaccard_overlap"}),  # divides by the larger set, not the union
            "missing_paragraphs_answer": ('''
def missing_paragraphs(original_paragraphs, copy_text, k=5, threshold=0.5):
    copy_shingles = shingles(words(copy_text), k)
    return [number for number, paragraph in enumerate(original_paragraphs)
            if containment(shingles(words(paragraph), k), copy_shingles) < threshold]
''', {"missing_paragraphs_toy_copy"}),  # counts from 0
            "classify_edit_answer": ('''
def classify_edit(original, copy):
    if original == copy:
        return "identical"
    old_words, new_words = words(original), words(copy)
    if old_words == new_words:
        return "punctuation, capitals or hyphens"
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    tags = {tag for tag, *_ in matcher.get_opcodes() if tag != "equal"}
    if len(tags) > 1:
        return "several edits"
    return {"delete": "words cut", "insert": "words added", "replace": "words changed"}[tags.pop()]
''', {"classify_edit_identical_and_style"}),  # a dropped hyphen read as changed words
        },
        {
            "shingles_answer": ('''
def shingles(tokens, k=5):
    return {tuple(tokens[start:start + k]) for start in range(len(tokens) - k + 1)}
''', {"shingles_short_text"}),  # fewer than k words give no shingle
            "jaccard_answer": ('''
def jaccard(a, b):
    return len(a & b) / len(a | b)


def containment(part, whole):
    return len(part & whole) / len(part)
''', {"jaccard_empty_sets", "containment_empty_part"}),  # no guard against dividing by zero
            "missing_paragraphs_answer": ('''
def missing_paragraphs(original_paragraphs, copy_text, k=5, threshold=0.5):
    copy_shingles = shingles(words(copy_text), k)
    return [number for number, paragraph in enumerate(original_paragraphs, start=1)
            if containment(shingles(words(paragraph), k), copy_shingles) <= threshold]
''', {"missing_paragraphs_threshold_boundary"}),  # exactly the threshold counted as missing
            "classify_edit_answer": ('''
def classify_edit(original, copy):
    old_words, new_words = words(original), words(copy)
    if "".join(old_words) == "".join(new_words):
        return "punctuation, capitals or hyphens"
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    tags = {tag for tag, *_ in matcher.get_opcodes() if tag != "equal"}
    if len(tags) > 1:
        return "several edits"
    return {"delete": "words cut", "insert": "words added", "replace": "words changed"}[tags.pop()]
''', {"classify_edit_identical_and_style"}),  # equal strings not labelled identical
        },
        {
            "shingles_answer": ('''
def shingles(tokens, k=5):
    if len(tokens) < k:
        return {tuple(tokens)}
    return {tuple(tokens[start:start + k]) for start in range(len(tokens) - k + 1)}
''', {"shingles_empty_list"}),  # an empty list gives {()}
            "jaccard_answer": ('''
def jaccard(a, b):
    either = a | b
    if not either:
        return 0.0
    return len(a & b) / len(either)


def containment(part, whole):
    if not part:
        return 0.0
    return len(part & whole) / len(whole)
''', {"containment_share"}),  # divides by the whole, not the part
            "missing_paragraphs_answer": ('''
def missing_paragraphs(original_paragraphs, copy_text, k=5, threshold=0.5):
    copy_shingles = shingles(words(copy_text), k)
    return [number for number, paragraph in enumerate(original_paragraphs, start=1)
            if containment(shingles(words(paragraph), k), copy_shingles) < 0.5]
''', {"missing_paragraphs_threshold_boundary"}),  # ignores the threshold argument
            "classify_edit_answer": ('''
def classify_edit(original, copy):
    if original == copy:
        return "identical"
    old_words, new_words = words(original), words(copy)
    if "".join(old_words) == "".join(new_words):
        return "punctuation, capitals or hyphens"
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    first = next(tag for tag, *_ in matcher.get_opcodes() if tag != "equal")
    return {"delete": "words cut", "insert": "words added", "replace": "words changed"}[first]
''', {"classify_edit_several_edits"}),  # only the first kind of edit is seen
        },
    ],
}

# The second-case variant of syndication asks for the same functions with the same rules, so the same answers
# must score the same there: full marks, and each mistake losing exactly its property's cells.
CORRECT["syndication-library-vote"] = CORRECT["syndication"]
WRONG["syndication-library-vote"] = WRONG["syndication"]
