"""Attribution patterns of news English, built from newstrace.sourcing.vocabulary.

- "NAME said", "NAME, a ..., said", "said NAME," (an inversion only when a comma, full stop or a
  clause follows: "said Jo would" is not one), "according to NAME", "revealed by NAME"; NAME is a
  run of capitalised words, with titles and role words ("FBI Director", "Resident") set aside;
- descriptions instead of names: "a senior security official said", "defectors said",
  "said the son", "a spokesperson for the council said" (a determiner, up to four modifiers, a
  person noun, an optional "for/of/at X"); "a spokeswoman, Jane Doe, said" counts for the name;
  what an unnamed source knows ("people familiar with the matter", "a person briefed on the talks"),
  a participle's clause ("Union leaders representing 22,000 workers said"), part of a group ("two of
  the people"), and after a determiner a singular person noun known by its form ("a juror");
- media as evidence: "A video released in January shows", "according to ... estimates";
- pronouns ("he said").
"""

from __future__ import annotations

import re

from newstrace.sourcing.vocabulary import (
    GROUP_PLURAL,
    INVERSION_VERBS,
    PERSON_SINGULAR,
    MEDIA_NOUNS,
    MEDIA_VERBS,
    ORG_NOUNS,
    ORG_PLURALS,
    PERSON_NOUNS,
    SAY_VERBS,
)

_NAME_TOKEN = r"(?:(?:al|el|bin|ibn|Al|El)-[A-Z][\w'’-]*|[A-Z][\w'’-]*(?:\.(?=[\s,]))?|[A-Z]\.|(?:al|el|bin|ibn|de|van|von|der|da|du|la|le)(?![\w'’-]))"
NAME = rf"[A-Z][\w'’-]*\.?(?:[ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?)?{_NAME_TOKEN})*"
"""A run of capitalised words, with initials, name particles (al, bin, de, van) and 'of'/'for'."""

_MODIFIER = (
    r"(?:(?!(?:and|or|that|which|who|whom|of|in|to|with|by|for|from|but|as|at|on|while|when|"
    r"after|before|because|if|than|where|since|although|though|until|then|also|so|not|no|is|are|"
    r"was|were|has|have|had|said|says|told|the|a|an|his|her|their|its|later|then|now)\b)[\w.'’-]+\s+)"
)
KNOWING = (
    r"(?:familiar with|close to|briefed on|involved in|with (?:direct |first-?hand )?knowledge of|"
    r"knowledgeable about|aware of|privy to|informed (?:of|about))\s+(?:(?:the|its|his|her|their)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?![\w'’-])"
)
"""What makes an unnamed source knowledgeable: "familiar with the matter", "briefed on the sale process"."""
GROUP = (
    rf"(?:[Tt]hose|[Pp]eople|[Oo]thers|[Aa]ll) (?:interviewed|questioned|surveyed|polled|involved|"
    rf"present|{KNOWING})"
)
"""A group described by a participle: "those interviewed", "people familiar with the talks"."""
_DETERMINER = (
    r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Aa]ll|"
    r"[Tt]hose|[Tt]hese|[Oo]ther|[Aa]nother|[Ff]ormer|[Ss]enior|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)\s+"
)
POST_MODIFIER = (
    rf"(?:\s+{KNOWING}|\s+[a-z]{{3,}}ing\s+(?:[^,;:\"“”]|(?<=\d),(?=\d)){{1,80}}?"
    rf"|\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|&)\s+(?:the\s+)?)?[A-Z][\w'’-]*){{0,6}}"
    rf"|\s+(?:for|at|from|with|in|on|near|along|around)\s+(?:(?:the|an?)\s+)?"
    r"(?:[a-z][\w'’-]*\s+){0,2}?[\w.'’-]+"
    r"(?:(?:\s+(?:of|and|for|&)(?:\s+the)?|,)?\s+[A-Z][\w'’-]*){0,8})?"
)
"""'for/at/from/in/on X' after a person noun ("Shopkeepers on the quay", "an aid worker with an international
charity", "Villagers in flooded northern Teravia"), or a participle's clause ("Union leaders representing 22,000
workers"); X may be a long institution name ("a spokeswoman for the
Department of Housing, Local Government and Heritage"); or what the source knows ("a person briefed on the talks")."""
PERSON_HEAD = rf"(?:(?i:{PERSON_NOUNS})|{GROUP_PLURAL})"
DETERMINED_HEAD = rf"(?:{PERSON_HEAD}|{PERSON_SINGULAR})"
"""After a determiner a singular person noun is known by its form too ("a forensic accountant", "the referee")."""
"""A person noun from the vocabulary, or a plural person noun by its form ("operators", "Fishermen");
capitalised too, at the start of a sentence ("Shopkeepers on the quay said")."""
ORG_HEAD = rf"(?:{ORG_NOUNS})(?![\w'’])"
ORG_PLURAL_HEAD = rf"(?:{ORG_PLURALS})(?![\w'’])"
PARTITIVE = rf"(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Ss]everal|[Bb]oth|[Mm]any|[Mm]ost|[Ee]ach|[Aa]nother) of (?:the|those|these)\s+{PERSON_HEAD}"
"""Part of a group named before: "two of the people", "one of the jurors"."""
DESCRIPTION = (
    rf"{GROUP}|{PARTITIVE}|{_DETERMINER}{_MODIFIER}{{0,4}}?{DETERMINED_HEAD}{POST_MODIFIER}"
    rf"|{_MODIFIER}{{0,4}}?{PERSON_HEAD}{POST_MODIFIER}"
    rf"|{_DETERMINER}{_MODIFIER}{{0,3}}?{ORG_HEAD}|(?:{_DETERMINER})?{_MODIFIER}{{0,3}}?{ORG_PLURAL_HEAD}"
)
"""A person or group described instead of named (an optional determiner, up to four modifiers, a
person noun), or an institution described ("the company", "the county council")."""
DETERMINED_DESCRIPTION = rf"{PARTITIVE}|{_DETERMINER}{_MODIFIER}{{0,4}}?{DETERMINED_HEAD}"
_RELATIVE = r"(?:\s+who\s+(?:[^,;:\"“”]|(?<=\d),(?=\d)){1,120}?)?"
"""A restrictive clause between a subject and its verb: "A city official who was not authorized to speak said"."""
_APPOSITIVE = r"(?:(?:,[^,;\"“”]{1,160}?){1,3},)?"
_ADVERB = (
    r"(?:(?:also|later|recently|once|then|previously|earlier|further|first|finally|even|still|has|"
    r"have|had|meanwhile|however|now|again|often|repeatedly|publicly|privately|subsequently|"
    r"separately|simply|only|never|always|reportedly|allegedly|long|consistently|frequently|openly|widely)\s+)*"
)

_INVERTED_END = (
    r"(?![\w'’])(?=\s*[,.;:!?\"”)]|\s*$|\s+(?:who|whose|in|at|on|of|from|during|after|before|"
    r"when|while|as|to|involved|according|with|by)\b)"
)
"""After 'said NAME' the sentence goes on with punctuation or a clause, never a verb ('said Jo would')."""
SUBJECT_VERB = re.compile(
    rf"(?<![\w.])(?<!\d,)(?P<subject>{NAME}|{DESCRIPTION}){_RELATIVE}(?P<appositive>{_APPOSITIVE})\s+{_ADVERB}"
    rf"(?P<verb>{SAY_VERBS})\b")
VERB_SUBJECT = re.compile(
    rf"\b(?P<verb>{INVERSION_VERBS})\s+(?P<subject>{NAME}|{DETERMINED_DESCRIPTION}){_INVERTED_END}")
SOURCE_OF = rf"\s+(?:by|from|of|at|for)\s+(?:the\s+)?(?P<maker>{NAME})"
"""Who made a document or speaks in a statement: "a count by the X", "a statement from X"."""
ACCORDING_TO = re.compile(
    rf"\b(?P<verb>[Aa]ccording to|[Cc]iting)\s+(?P<subject>{GROUP}|(?:[\w.'’-]+\s+){{0,4}}?"
    rf"(?:{MEDIA_NOUNS}|{PERSON_NOUNS}|{ORG_NOUNS})(?![\w'’])(?:\s+(?:{MEDIA_NOUNS})(?![\w'’]))?"
    rf"(?:{SOURCE_OF})?|(?:the\s+)?{NAME})")
"""'according to' (or 'citing') a group, a document (its noun may follow a person noun: "a staff report"), a
person or institution described, or a name."""
MEDIA_SUBJECT = re.compile(
    rf"(?:^|(?<=[\s\"“]))(?P<subject>(?:(?!(?:{SAY_VERBS}|that)\b)[\w.'’-]+\s+){{0,5}}?(?i:{MEDIA_NOUNS})"
    rf"(?:\s+(?:that|which|released|published|broadcast|aired|posted|seen|obtained|shown|reviewed|"
    rf"examined|analy[sz]ed|compiled|kept|filed|collected|gathered|provided|issued|prepared|from|"
    rf"of|by|on|in|[a-z]{{3,}}ed|written|given|sent|made|held|taken|drawn|done)\b[^,.;\"“”]{{0,80}}?)?)"
    rf"{_APPOSITIVE}\s+(?P<verb>{MEDIA_VERBS})\b")
PASSIVE_BY = re.compile(
    rf"\b(?P<verb>revealed|reported|described|disclosed|confirmed|recounted|told|said|stated|"
    rf"claimed|alleged|quoted|cited) by (?P<subject>{NAME}|{DESCRIPTION})(?![\w'’])")
PRONOUN_VERB = re.compile(rf"\b(?P<subject>[Hh]e|[Ss]he)\s+{_ADVERB}(?P<verb>{SAY_VERBS})\b"
                          rf"|\b(?P<verb2>{INVERSION_VERBS})\s+(?P<subject2>he|she)(?=\s*[,.;:!?\"”])")
