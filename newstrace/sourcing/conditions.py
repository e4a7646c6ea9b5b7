"""Stated conditions of a source's words: anonymity, who was present, a disguised identity.

Stated conditions ("spoke on the condition that ...", "in the presence of ...", "declined to be
named", "not authorized to discuss ...", "to disguise his identity", "asked that her name not be used",
"on the understanding that he would not be named", "agreed to speak only if she was not identified",
"speaking on background"), with or without the commas of
a clause ("A clerk who was not authorized to speak said ..."), go to the sources mentioned in the
same sentence; a condition in a sentence that names no source (a ground rule for all interviews)
goes to every adopted-name source.
"""

from __future__ import annotations

import re

from newstrace.sourcing.coreference import Source

_CLAUSE_END = r"(?=[,.;]|\s+(?:said|says|told|tells|added|adds|explained|confirmed|warned|wrote|insisted|argued)\b|$)"
"""Where a condition stops: punctuation, or the saying verb after a clause with no commas ("who was not
authorized to speak publicly said ...")."""
CONDITION = re.compile(
    r"(?:spoke |speaking |talked |agreed to speak |on )?(?:on |under )?(?:the )?condition (?:that|of)"
    r"[^.;]*?(?=[.;]|,\s*(?:\w+\s+)?(?:said|says|told|added)\b|\s+(?:said|says|told|added)\b|$)|"
    r"in the presence of [^,.;]*|declined to be (?:named|identified)[^,.;]*|"
    r"asked (?:not to be|that (?:he|she|they) not be) (?:named|identified)[^,.;]*?" + _CLAUSE_END + "|"
    r"(?:asked|requested) that (?:his|her|their) (?:full )?(?:names?|identity) (?:not be (?:used|published|given|printed|"
    r"disclosed|revealed)|be withheld)[^,.;]*?" + _CLAUSE_END + "|"
    r"(?:on|under) the (?:understanding|agreement|ground|grounds|basis) that[^.;]*?" + _CLAUSE_END + "|"
    r"(?:agreed|willing|prepared) to (?:speak|talk|be interviewed|comment) only (?:if|on condition|when|anonymously)"
    r"[^,.;]*?" + _CLAUSE_END + "|"
    r"(?:speaking|spoke|talking|talked) (?:anonymously|on background|off the record|not for attribution)|"
    r"(?:did not|didn['’]t|does not|doesn['’]t) want (?:to be (?:named|identified)|(?:his|her|their) names? "
    r"(?:used|published))[^,.;]*?" + _CLAUSE_END + "|without being (?:named|identified)[^,.;]*?" + _CLAUSE_END + "|"
    r"(?:requested|insisted on|was granted|were granted) anonymity[^,.;]*?" + _CLAUSE_END + "|"
    r"not (?:authori[sz]ed|permitted|allowed|cleared) to [^,.;]*?" + _CLAUSE_END + "|identified only by [^,.;]*|"
    r"gave only (?:his|her|their) [^,.;]*|to (?:disguise|hide|conceal|protect) (?:his|her|their) identit[^,.;]*|"
    r"(?:wore|wearing) a (?:hood|mask|balaclava)[^,.;]*",
    re.IGNORECASE)


def add_conditions(text: str, spans: list[tuple[int, int]], found: list[Source]) -> None:
    """Attach each stated condition to the sources in its sentence, or to adopted-name sources."""
    for index, (start, end) in enumerate(spans):
        for match in CONDITION.finditer(text, start, end):
            phrase = " ".join(match.group().split()).rstrip(" ,")
            named = [source for source in found if index in source.sentences]
            targets = named or [source for source in found if source.type == "adopted name"]
            for source in targets:
                if phrase not in source.conditions:
                    source.conditions.append(phrase)
