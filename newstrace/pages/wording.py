"""The word families that page furniture is written in: one compiled pattern per family.

Each pattern describes how sites word a kind of furniture in general (interface words, credit labels,
newsletter prompts, corporate footers), never one site's strings; newstrace.pages.furniture applies them
to one line at a time, within the length limits it sets.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

SHARE_WORDS = re.compile(
    r"\b(share|shares|shared|link copied|copy( article)? link|copied to clipboard|clipboard|tweet|facebook|"
    r"twitter|whatsapp|linkedin|pinterest|reddit|email|e-mail|print|comments?|messenger|gift( this)? article|"
    r"reuse this content)\b|^\W*(save|saved|bookmark|bookmarked)( this| for later)?( story| article)?\W*$|"
    r"^\W*[\d,.]*k?\s*(likes?|restacks?)\W*$",
    _I,
)
NAVIGATION_WORDS = re.compile(
    r"\b(skip to( \w+){0,2} (content|navigation|index|search|menu|footer)|skip navigation|main menu|menu|"
    r"navigation|search|sign in|sign up|log in|login|log out|subscribe|subscription|home|back to top|"
    r"accessibility|cookies?|sections|next article|previous article|listen to this article|min read|font size|"
    r"open in app|(download|get) the app|privacy (policy|dashboard|settings|notice)|terms (of (use|service)|and "
    r"(conditions|privacy))|contact us|about us|sitemap|watch live|play video|now playing|up next|"
    r"video duration|replay|unmute|full ?screen)\b|^\W*close\W*$|^skip (to|next|past|over)\b|"
    r"^(send us your feedback|give feedback|report (a typo|an error|a problem))\W*$",
    _I,
)
PLACEHOLDER = re.compile(r"^\W*(loading|please wait|refresh)\W*$", re.IGNORECASE)
"""A widget's placeholder captured before it loaded: "Loading..."."""
BREADCRUMB = re.compile(r"^\s*\w[\w &'-]*(\s*[>»›|/]\s*\w[\w &'-]*){1,}\s*$")
LINK_SEPARATOR = re.compile(r"\s*[|•·∙]\s*")
"""What separates the links of a footer or share row written on one line: "Contact us | Careers | Advertise"."""
READ_TIME = re.compile(r"^\d+\s*-?\s*(min|mins|minutes?)(\s+(read|listen|watch))?$", _I)
GALLERY_COUNTER = re.compile(r"^((image|photo|picture|slide|video)\s+)?\d+\s*(of|/)\s*\d+$", _I)
TEMPERATURE = re.compile(r"^-?\d+\s*°\s*[CF]?$")
ADVERT_WORDS = re.compile(
    r"\b(advertisement|advertising|sponsored|(story|article) continues below|paid content|promoted)\b|"
    r"^\W*(ads?|story continues)\W*$",
    _I,
)
BYLINE = re.compile(
    r"^(by|written by|posted by|reporting by|words by|(guest )?(column|analysis|commentary|"
    r"opinion|essay|review|interview|story|report) by)\s+[A-Z][\w.'-]*",
    _I,
)
WIRE_CREDIT = re.compile(
    r"^\(?\s*(((additional )?reporting|writing|editing|edited|compiled|produced|research|graphics) by:?|"
    r"reporting from)\s+[A-Z]",
    _I,
)
"""A wire story's closing credit, "(Reporting by Jo Bloggs in London; Editing by Sam Roe)", or "Reporting from Paris"."""
BYLINE_ROLE = re.compile(
    r"\b(correspondent|reporter|editor|writer|columnist|contributor|staff|journalist|producer|presenter|"
    r"associated press|reuters|afp|press association|news)\b",
    _I,
)
"""Words of a byline written without "By": "Jo Bloggs, Health reporter", "Reuters"."""
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
TIMESTAMP = re.compile(
    rf"^((published|updated|posted|last updated|first published)\b.*|"
    rf".*\b{MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b.*|.*\b\d{{1,2}}\s+{MONTH}\s+\d{{4}}\b.*|"
    rf".*\b\d{{1,2}}:\d{{2}}\s*(am|pm|a\.m\.|p\.m\.)?.*|\d+\s+(minutes?|hours?|days?)\s+ago)$",
    _I,
)
TIME_WORDS = re.compile(
    rf"^({MONTH}|(mon|tues?|wed|thu|thurs|fri|sat|sun)(day|nesday|rsday|urday)?\.?|published|updated|posted|"
    r"last|first|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|bst|utc|est|edt|et|pst|pdt|cst|cdt|mst|mdt|cet|"
    r"cest|aest|ago|hours?|hrs?|minutes?|mins?|days?|weeks?|today|yesterday|\d[\d:.,/-]*(st|nd|rd|th|am|pm|h)?)$",
    _I,
)
"""A word that can stand in a line that is only a date or time: "Published: 10:21 GMT, 4 March 2025"."""
RELATED_HEADING = re.compile(
    r"^(related( \w+){0,2}|read more|read next|more stories|more on this( story)?|more from .{1,30}|"
    r"you may also like|you might also like|recommended( for you| stories)?|also read|see also|"
    r"further reading|what to read next|explore more)\s*:?$",
    _I,
)
SIDEBAR_HEADING = re.compile(
    r"^(most (read|popular|viewed|shared|commented|watched|recent)( today| now| this week| in .{1,20})?|"
    r"trending( now| stories| in .{1,20})?|"
    r"top stories|editor'?s picks|latest( news| stories)?|don'?t miss|popular( in .{1,20}| now| today| this week)?)"
    r"\s*:?$",
    _I,
)
TAGS_HEADING = re.compile(
    r"^(tags|topics|related topics|(explore )?more on (these|this) topics?|explore more on these topics|"
    r"filed under|categories)\s*:?$",
    _I,
)
"""A heading over the story's tag links (navigation), not over other stories."""
TAGS_LINE = re.compile(r"^(tags|topics|filed under|categories|related topics)\s*:\s*\S", _I)
RELATED_LINE = re.compile(
    r"^(related( \w+)?|(read|watch|see|listen)( more| also| next| now)?|also read|more|recommended|"
    r"explainer)\s*:\s*\S",
    _I,
)
"""A stand-alone line pointing to another story: "Related: City budget shortfall grows"."""
COPYRIGHT = re.compile(
    r"^(©|\(c\)\s|copyright\s*(©|\(c\)|\d{4}))|\ball rights reserved\b|"
    r"\bmay not be (published|reproduced), broadcast, rewritten\b|"
    r"^(published|owned|operated) by [^.]{1,60}\b(ltd|limited|inc|llc|plc|group|company|corporation)\.?$|"
    r"^part of (the )?[^.]{1,80}\b(group|network|ltd|limited|inc|llc|plc)\.?$|"
    r"\bregistered (in england|in scotland|office|company number)\b",
    _I,
)
"""A copyright line, a wire footer, or a publisher's imprint: "Published by X Ltd", "Part of the Y Group"."""
CONSENT = re.compile(
    r"\b(we|this (web)?site|our partners) (and our partners )?(use|uses) cookies\b|\bwe value your privacy\b|"
    r"\b(accept|reject|manage) (all )?(cookies|preferences|consent)\b|\bcookie (policy|settings|preferences)\b|"
    r"\buse of cookies\b",
    _I,
)
SUBSCRIPTION = re.compile(
    r"^(already a (subscriber|member)|become a (member|subscriber)|support (our|local|independent) journalism|"
    r"subscribe (now|today|for|to|from)|subscribers? only)\b|^subscribe\W*$|"
    r"^(sign up|subscribe|register|get (our|the)|join (our|the)|don'?t miss)\b.*"
    r"\b(newsletters?|inbox|briefing|subscri\w*|access|membership|free|a (week|month|year))\b|"
    r"^get (the |our )?(\w+'s |\w+’s )?(daily|weekly|latest|biggest|top|breaking|best)\b.*"
    r"\b(news|stories|headlines|updates|newsletters?|email|inbox)\b|"
    r"^(privacy notice|by (signing up|subscribing|registering|providing your email|entering your email|"
    r"submitting your email|clicking (sign up|subscribe)))\b|\b(you can )?unsubscribe at any time\b|"
    r"\bnewsletters?\b.*\b(sign up|subscribe)( here| now| today)?\W*$|"
    r"\bthanks? (you )?for (subscribing|signing up)\b|^(enter|type) your email\b|"
    r"\bbecom(e|ing) a (free or paid |paid |free )?subscriber\b|\breader-supported (publication|newsletter|site)\b|"
    r"^follow (us|\w+( \w+){0,3}) on (facebook|x|twitter|instagram|tiktok|threads|bluesky|youtube|linkedin)\b",
    _I,
)
"""A prompt to subscribe, join a newsletter or follow the site, or a sign-up form's fine print."""
NEWSLETTER_WORDS = re.compile(r"\b(newsletters?|email address|inbox)\b", _I)
"""Words that make a short line (a newsletter box's title, field or button) a subscription prompt."""
COMMENTS = re.compile(
    r"^((have your say|join the (conversation|discussion))\s*:?\s*)?(\d[\d,]*\s+comments?|comments?\s*\(\d[\d,]*\))$|"
    r"^(view|show|read|see|load|add|post|leave) (the |all |a )?(\d+ )?comments?\b|"
    r"^comments?(\s*:?\s*\d[\d,.]*k?)?\W*$|^comments? (are |have been )?(closed|disabled|turned off)\b|"
    r"\bcomments (have been|are) (disabled|closed|turned off)\b|^welcome to the (discussion|conversation)\b|"
    r"^(share|tell us) (what you think|your (thoughts|views))\b|^(leave|add|post|write) a comment\b|"
    r"^discussion about this (post|article|story)\b",
    _I,
)
BIO = re.compile(r"^(is|was|has|writes|covers|joined|reports|edits|teaches|lives|can be (reached|contacted|emailed))\b")
"""What follows the author's name at the start of a biography box ("Jo Bloggs is the ...")."""
CREDIT_WORDS = (
    r"screenshot|screen grab|screengrab|photo|photograph|photographer|image|picture|pic|credit|"
    r"courtesy|file|video|still|handout|illustration|graphic|getty|reuters|afp|epa|ap"
)
TRAILING_CREDIT = re.compile(
    rf"\(([^()]{{0,80}}\b({CREDIT_WORDS})\b[^()]{{0,80}}|[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){{0,3}}\s*/\s*[^()]{{2,60}})\)\s*$",
    _I,
)
"""A credit in brackets at a caption's end: "(Photo: Jo Bloggs)", "(Jo Bloggs/The Courier)"."""
LABELLED_CREDIT = re.compile(
    r"[.!?]\s+(photo|photograph|photography|picture|image|pic|credit|illustration|video)\s*:\s*([^.:]{2,80})\.?$",
    _I,
)
"""A credit after a caption's last sentence: "Sandbags on Mill Lane. Picture: Jo Bloggs"."""
RUN_ON_CREDIT = re.compile(r"[.!?]\s*credit\s*(\.{2,}|…|:)\s*(\S.{1,80})$", _I)
"""A credit run into the caption as some sites render it: "... in October.Credit...Jo Bloggs for The Post"."""
NAME_SLASH_CREDIT = re.compile(
    r"[.!?][\"”’]?\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][^.!?/]{1,60})$"
)
"""A photographer/outlet credit after a caption's last sentence: "... on Monday. Jo Bloggs/The Courier"."""
CREDIT_LINE = re.compile(r"^[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){1,2}\s*/\s*[A-Z][\w&.'’ -]{1,40}$")
"""A line that is only a photographer's credit with the agency or outlet: "Jo Bloggs/Alamy"."""
LEADING_CREDIT = re.compile(
    r"^(photo|image|picture|caption|pictured|credit|image source|image caption|media caption|video caption|"
    r"photograph)\s*[:,]",
    _I,
)
MAKER_CREDIT = re.compile(
    r"^((photo|photograph|image|picture|illustration|graphic|artwork|animation|video)s?|photography) "
    r"(by|courtesy of)\s+[A-Z]",
    _I,
)
"""A credit line for the page's art: "Illustration by Jo Bloggs"."""
DATA_CREDIT = re.compile(r"^(data|source|chart|graphic|map)s?\s*:\s*\S", _I)
"""The source line under a chart or map: "Data: Health board figures"."""
POSITION_NOTE = re.compile(r"\((pictured|left|right|centre|center|above|below|top|bottom|inset|file photo)\b", _I)
"""Where a person stands in a picture, as captions without a credit say it: "(pictured with her dog)"."""
PROMO_SENTENCE = re.compile(
    r"^(read more|read also|related|see also|click here|watch|listen|sign up|subscribe|"
    r"more:|continue reading)\b",
    _I,
)
INTERROGATIVE = re.compile(
    r"^(why|how|what|who|whom|whose|which|when|where|did|does|do|is|are|was|were|can|could|"
    r"should|would|will)\b",
    _I,
)
BARE_COUNT = re.compile(r"^\d[\d,.]*\s*[kKmM]?$")
"""A line that is only a count, as share and comment buttons show one: "123", "1.2k"."""
