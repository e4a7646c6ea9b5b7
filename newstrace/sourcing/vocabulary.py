"""The words attributions are made of: saying verbs, person and media nouns, titles, organisation words.

General vocabulary of news English, never names from a case. newstrace.sourcing.patterns builds the
attribution patterns from it; newstrace.sourcing.names and newstrace.sourcing.source_types use the word sets.
"""

from __future__ import annotations

import re

SAY_VERBS = (
    "said|says|say|told|tells|recalled|recalls|added|adds|explained|explains|acknowledged|"
    "acknowledges|described|describes|noted|notes|warned|warns|argued|argues|insisted|insists|"
    "claimed|claims|stated|wrote|writes|recounted|recounts|shared|asserted|asserts|admitted|"
    "admits|denied|denies|confirmed|confirms|estimated|estimates|suggested|suggests|testified|"
    "complained|conceded|concedes|observed|remembered|remembers|revealed|reveals|announced|"
    "announces|replied|answered|agreed|contended|maintained|cautioned|stressed|predicted|"
    "reported|believes|believed|recalls|posted(?=\\s+(?:on|to|online|that)\\b|:)|tweeted|testified|cautioned"
)
INVERSION_VERBS = "said|says|added|adds|recalled|recalls|explained|wrote|writes|asked|continued|insisted"
MEDIA_VERBS = (
    "shows|showed|show|revealed|reveals|reveal|depicts|depicted|indicates|indicated|suggests|"
    "suggested|found|finds|find|appeared to show|appears to show|appear to show|documents|"
    "documented|confirms|confirmed|says|said|states|stated"
)
PERSON_NOUNS = (
    "officials?|officers?|defectors?|members?|spokes(?:man|woman|person)|sources?|analysts?|"
    "experts?|researchers?|witness(?:es)?|residents?|relatives?|sons?|daughters?|fathers?|"
    "mothers?|wife|wives|husbands?|brothers?|sisters?|friends?|colleagues?|fighters?|militants?|"
    "prisoners?|inmates?|diplomats?|lawyers?|attorneys?|activists?|doctors?|people|persons?|man|"
    "woman|men|women|students?|workers?|leaders?|commanders?|soldiers?|police|investigators?|"
    "authorities|prosecutors?|aides?|advisers?|advisors?|employees?|neighbou?rs?|survivors?|"
    "victims?|parents?|supporters?|critics?|participants?|interviewees?|recruits?|cameram[ae]n|"
    "veterans?|refugees?|villagers?|agents?|staff|executives?|managers?|owners?|teachers?|"
    "guards?|users?|figures?|voices?|speakers?|insiders?|observers?|scholars?|professors?|"
    "specialists?|academics?|economists?|scientists?|historians?|consultants?|mayors?|governors?|"
    "ministers?|presidents?|directors?|secretar(?:y|ies)|senators?|judges?|engineers?|chairm[ae]n|"
    "ambassadors?|envoys?|negotiators?|coroners?|sheriffs?|coaches?|captains?|priests?|imams?|"
    "bishops?|landlords?|chiefs?|heads?|organi[sz]ers?|protesters?|demonstrators?|passengers?|"
    "patients?|nurses?|farmers?|shopkeepers?|traders?|drivers?|pilots?|crew|defenders?|"
    "detectives?|inspectors?|rescuers?|firefighters?|paramedics?|medics?|journalists?|reporters?|"
    "administrators?|[a-z]*ologists?|statisticians?|physicists?|chemists?|demographers?|clerks?|"
    "tenants?|commuters?|riders?|visitors?|customers?|clients?|voters?|volunteers?|campaigners?|"
    "staffers?|planners?|fisherm[ae]n|trustees?|councillors?|technicians?|contractors?|skippers?|"
    "chairs?|chairwom[ae]n|chairpersons?|whips?|jurors?|nurses?|surgeons?|physicians?|midwi(?:fe|ves)|"
    "aides?|donors?|candidates?|nominees?|delegates?|lawmakers?|legislators?|MPs?|backbenchers?|"
    "fans?|players?|referees?|umpires?|athletes?|teammates?|rivals?|allies|ally|opponents?|"
    "whistleblowers?|informants?|eyewitness(?:es)?|bystanders?|onlookers?|shoppers?|homeowners?|"
    "pupils?|graduates?|authors?|writers?|editors?|artists?|musicians?|singers?|actors?|actress(?:es)?|"
    "architects?|builders?|mechanics?|miners?|growers?|ranchers?|vets?|veterinarians?|forecasters?|"
    "clinicians?|pharmacists?|dentists?|carers?|caregivers?|wardens?|rangers?|constables?|troopers?|"
    "marshals?|deputies|deputy|principals?|headteachers?|headmistress(?:es)?|headmasters?|"
    "accountants?|auditors?|bankers?|brokers?|lobbyists?|regulators?|founders?|entrepreneurs?|"
    "shareholders?|investors?|partners?|negotiators?|mediators?|pastors?|rabbis?|clergy|monks?|nuns?|"
    "sources?|insiders?|someone|anyone|nobody|person|nephews?|nieces?|cousins?|grandsons?|granddaughters?|"
    "grandchildren|grandchild|grandparents?|grandmothers?|grandfathers?|uncles?|aunts?|widows?|widowers?|"
    "fianc[ée]e?s?|stepsons?|stepdaughters?|teenagers?|consultants?|attendants?|assistants?|"
    "applicants?|claimants?|defendants?|plaintiffs?|merchants?|servants?|correspondents?|respondents?|"
    "superintendents?|proponents?|adolescents?|immigrants?|migrants?|entrants?|occupants?|inhabitants?"
)
GROUP_PLURAL = r"(?!\w*ments\b)[A-Za-z][a-z]+(?:ents|ers|ors|ists|ians|ees|men|ants|ives|ats)"
"""A plural person noun by its form, not a list: opponents, operators, fishermen, tourists, retirees."""
THING_SINGULARS = (
    "paper|order|letter|newsletter|number|poster|banner|flyer|sticker|filter|chapter|register|charter|"
    "center|centre|content|event|accident|incident|percent|element|matter|quarter|border|corner|river|"
    "water|power|computer|shelter|theater|theatre|trailer|weather|tower|answer|disorder|manner|counter|"
    "monitor|sensor|meter|indicator|calendar|folder|binder|ledger|header|footer|cover|layer|parameter|"
    "character|sector|factor|error|mirror|motor|tractor|elevator|vendor|editor|broadcaster|publisher|"
    "regulator|operator|provider|supplier|producer|developer|retailer|lender|insurer|carrier|manufacturer|"
    "maker|owner|parent|investor|holder|ancestor|agent|later|earlier|further|never|ever|however|rather|"
    "together|whether|other|another|either|neither|over|under|after|former|latter|longer|newer|older|bigger|"
    "larger|higher|lower|greater|smaller|faster|slower|stronger|weaker|wider|closer|harder|easier|cheaper|"
    "safer|better|proper|major|minor|senior|junior|prior|superior|inferior|interior|exterior|labor|harbor|"
    "floor|door|color|colour|honor|favor|humor|rumor|armor|christian|median|guardian|civilian"
)
"""Words with a person-like ending that name a thing, a company in business news ("the retailer said"),
or are adverbs and adjectives ("The company later confirmed"): never taken for a person by PERSON_SINGULAR."""
PERSON_SINGULAR = (
    rf"(?!\w*ment\b)(?!(?:{THING_SINGULARS})\b)[a-z][a-z-]+(?:er|or|ist|ian|ee|eer|man|woman|person)"
    r"(?![\w'’])"
)
"""A singular person noun by its form ("juror", "lobbyist", "physician", "referee"), read only after a
determiner ("a juror said"); -ant and -ent words are too often adjectives, so those persons are listed."""
ORG_NOUNS = (
    "ministry|ministries|department|agency|council|company|firm|government|group|committee|"
    "commission|office|court|board|authority|union|university|hospital|school|district|campaign|"
    "charity|organi[sz]ation|association|bank|party|club|trust|institute|foundation|bureau|"
    "administration|embassy|coalition|corporation|network|service|operator|airline|regulator|watchdog|"
    "consortium|alliance|federation|league|insurer|developer|retailer|supermarket|publisher|chain|carmaker|"
    "automaker|chipmaker|drugmaker|manufacturer|utility|provider|supplier|producer|lender|carrier|maker"
)
"""Nouns an institution is described by: "the company said", "according to the engineer's office"."""
ORG_PLURALS = (
    "unions|companies|firms|agencies|charities|councils|banks|ministries|departments|hospitals|schools|"
    "universities|airlines|governments|groups|organi[sz]ations|associations|institutions|parties|clubs|trusts"
)
"""Plural institution nouns: "Head teachers' unions have long argued" is institutions speaking."""
COMPANY_WORDS = {"inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "holdings", "limited"}
"""Words in a company's name: "the company" or "the firm" is the last name with one of them."""
MEDIA_NOUNS = (
    "videos?|films?|footage|images?|photos?|photographs?|pictures?|documents?|reports?|records|"
    "data|estimates|statistics|study|studies|survey|poll|analysis|memos?|letters?|e-?mails?|"
    "recordings?|frames|statements?|transcripts?|filings?|papers|figures|census|tapes?|"
    "broadcasts?|posts?|tweets?|messages?|files?|logs?|minutes|website|web site|site|entry|"
    "archives?|database|maps?|screenshots?|clips?|segments?|releases?|counts?|tally|tallies|"
    "audits?|assessments?|forecasts?|projections|polling|polls|surveys|indictments?|affidavits?|lawsuits?|"
    "complaints?|subpoenas?|depositions?|testimony|rulings?|judge?ments?|verdicts?|warrants?|petitions?|"
    "motions?|accounts|findings|results|research|notes|invoices?|receipts?|contracts?|spreadsheets?|"
    "ledgers?|diar(?:y|ies)|notices?|charts?|graphs?|readings|calculations?|models?|modelling|modeling|"
    "inspections?|citations?|applications?|submissions?|guidance|guidelines"
)
"""Nouns of records, documents and data a story cites ("court documents show", "according to the indictment")."""
EXPERT_WORDS = re.compile(
    r"\b(analysts?|experts?|researchers?|professors?|scholars?|fellows?|specialists?|academics?|"
    r"economists?|scientists?|historians?|consultants?|lecturers?|\w*ologists?|statisticians?|"
    r"physicists?|chemists?|demographers?|"
    r"think tank|institute|university|studies)\b", re.IGNORECASE)
ORG_WORDS = {
    "ministry", "department", "agency", "police", "government", "army", "military", "company",
    "corporation", "group", "institute", "council", "commission", "office", "university",
    "committee", "organisation", "organization", "association", "foundation", "bank", "court",
    "service", "party", "union", "center", "centre", "bureau", "authority", "administration",
    "force", "forces", "inc", "corp", "ltd", "network", "church", "league", "federation",
    "board", "parliament", "congress", "senate", "embassy", "coalition", "command", "guard",
    "directorate", "secretariat", "cabinet", "municipality", "school", "hospital", "fund",
    "house", "kremlin", "pentagon", "palace", "budget", "treasury", "ministries", "agencies",
    "college", "chamber", "society", "forum", "club", "trust", "alliance", "partners", "capital",
    "securities", "holdings", "foods", "industries", "airlines", "airways", "railways", "systems",
    "labs", "laboratories", "technologies", "pharmaceuticals", "motors", "energy", "street", "dept",
}
"""Words in an institution's name; "street" for the seat of a government standing for it ("Downing Street said")."""
ORG_DESCRIPTION = re.compile(
    rf"^(?:the |a |an |its |their )?(?:[\w.'’-]+ ){{0,3}}(?:{ORG_NOUNS}|{ORG_PLURALS}|police|army|military|authorities)$",
    re.IGNORECASE)
ADOPTED_CONTEXT = re.compile(
    r"nom(?:s)? de guerre|pseudonyms?|\balias\b|adopted names?|assumed names?|war names?|"
    r"nicknames?|only (?:his|her|their) (?:first|given|nick|adopted)[ -]?names?|kunya",
    re.IGNORECASE)
BLANKET_ADOPTED = re.compile(
    r"identified only by (?:the |their |his |her )?(?:adopted|assumed|first|given|war|nick)[ -]?names?|"
    r"(?:by|use|used|gave) (?:only )?(?:their|his|her) noms? de guerre|only (?:their|his|her) (?:first|given) names?",
    re.IGNORECASE)
"""A ground rule saying the text's sources go by adopted or first names only."""
KUNYA_PREFIXES = {"abu", "abou", "abo", "umm", "um", "om", "abi"}
TITLES = {
    "director", "president", "secretary", "minister", "chief", "general", "gen", "senator",
    "sen", "governor", "gov", "mayor", "judge", "officer", "spokesman", "spokeswoman",
    "ambassador", "commissioner", "professor", "prof", "dr", "mr", "mrs", "ms", "rep", "lt",
    "col", "sgt", "capt", "king", "queen", "prince", "pope", "sheikh", "imam", "rabbi",
    "commander", "colonel", "captain", "sergeant", "lieutenant", "inspector", "detective",
    "superintendent", "archbishop", "bishop", "cardinal", "prime", "vice", "deputy", "assistant",
    "attorney", "justice", "chancellor", "premier", "analyst", "expert", "researcher",
    "representative", "chairman", "chairwoman", "chair", "ceo", "founder", "leader", "emir",
    "cllr", "councillor", "councilor", "councilmember", "councilman", "councilwoman", "alderman",
    "alderwoman", "assemblyman", "assemblywoman", "assemblymember", "supervisor", "trustee", "supt",
}
LEADING_FUNCTION_WORDS = {
    "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "when", "after",
    "before", "then", "now", "later", "also", "asked", "as", "if", "while", "though", "although",
    "because", "since", "still", "even", "this", "that", "these", "those", "there", "here", "by",
    "from", "with", "to", "of", "overall", "meanwhile", "however", "instead", "last", "next",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "some", "many",
    "all", "most", "several", "others", "both", "each", "one", "two", "three", "other", "another",
    "former", "senior", "what", "who", "how", "why", "where", "we", "they", "he", "she", "it", "i",
}
NOT_NAMES = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "who"}
CONJUNCTIONS = {"but", "and", "or", "so", "yet", "then", "now", "also", "still", "even", "meanwhile"}
PREPOSITIONS = {"for", "of", "by", "to", "with", "from", "in", "on", "at", "against", "about", "into"}
