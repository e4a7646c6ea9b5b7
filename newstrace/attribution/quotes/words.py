"""Word lists the quote rules read: attribution verbs, titles, name and gender cues, stop words.

They are plain English vocabulary, general to news writing, never names or phrases from one story.
Each list says what it is for; edit a list to change a rule's reach without touching the rules.
"""

from __future__ import annotations

import re

ATTRIBUTION_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "explained",
    "explains", "recalled", "recalls", "recounted", "noted", "notes", "wrote", "writes", "stated",
    "declared", "announced", "acknowledged", "acknowledges", "admitted", "admits", "conceded",
    "concedes", "confirmed", "insisted", "insists", "argued", "argues", "claimed", "claims",
    "warned", "warns", "urged", "urges", "vowed", "vows", "promised", "predicted", "cautioned",
    "stressed", "emphasized", "emphasised", "replied", "replies", "answered", "responded",
    "retorted", "countered", "continued", "went on", "pointed out", "observed", "remarked",
    "commented", "complained", "lamented", "testified", "tweeted", "shouted", "yelled",
    "screamed", "whispered", "cried", "joked", "quipped", "boasted", "maintained", "contended",
    "asserted", "alleged", "reported", "agreed", "mused", "pleaded", "demanded", "concluded",
    "described", "called", "suggested", "warn", "urge", "vow", "claim", "insist", "admit",
    "denied", "denies", "deny", "revealed", "reveals", "praised", "criticised", "criticized",
    "condemned", "welcomed", "hailed", "slammed", "blasted", "dismissed", "accused", "chanted", "began",
    "posted", "according to", "as saying",
)
"""Words and phrases that attribute speech; "according to" and "as saying" put the speaker after."""

ELISIONS = ("em", "n", "til", "tis", "twas", "cause", "bout", "round")
"""Words that start with an apostrophe, so a mark before them does not open a quote ('em, 'n')."""

WORK_NOUNS = (
    "film", "movie", "documentary", "book", "novel", "memoir", "video", "song", "album", "play",
    "series", "show", "programme", "program", "episode", "podcast", "poem", "painting", "opera",
    "musical", "magazine", "newspaper", "column", "essay", "report", "article", "headline",
    "exhibition", "game", "track", "single", "titled", "entitled", "called",
)
"""Words near a capitalised quote that make it the title of a work ("a documentary called ...")."""

TERM_CUES = ("known as", "so-called", "dubbed", "nicknamed", "termed", "the word", "the term",
             "the phrase", "the name", "the label", "labelled", "labeled", "branded")
"""Words just before a quote that make it a term or nickname, not speech."""

PERSON_TITLES = (
    "President", "Vice", "Prime", "Minister", "Secretary", "Director", "Senator", "Sen.", "Rep.",
    "Representative", "Gov.", "Governor", "Mayor", "Judge", "Justice", "Gen.", "General", "Col.",
    "Colonel", "Lt.", "Capt.", "Captain", "Sgt.", "Adm.", "Dr.", "Mr.", "Mrs.", "Ms.", "Miss",
    "Mr", "Mrs", "Ms", "Dr", "Prof.", "Professor", "Rev.", "Sir", "Dame", "Lord", "Lady", "King",
    "Queen", "Prince", "Princess", "Pope", "Chancellor", "Ambassador", "Commissioner", "Chief",
    "Chairman", "Chairwoman", "Chair", "Spokesman", "Spokeswoman", "Detective", "Inspector",
    "Sheriff", "Attorney", "Deputy", "Speaker", "Leader", "Coach", "Executive", "Officer",
    "Sheikh", "Imam", "Bishop", "Archbishop", "Cardinal", "Foreign", "Defense", "Defence",
    "Interior", "Health", "Finance", "State", "Home", "Labour", "Labor", "Prof", "Gen", "Sen",
    "Rep", "Gov", "Capt", "Col", "Lt", "Sgt", "Insp", "Supt", "Cllr", "Majority", "Minority",
    "Defender", "Striker", "Midfielder", "Goalkeeper", "Forward", "Manager", "Boss", "Analyst",
    "Economist", "Lawyer", "Prosecutor", "Actor", "Actress", "Singer", "Author", "Writer", "Activist",
    "Campaigner", "Rapper", "Founder", "Veteran", "Councillor", "Councilman", "Councilwoman", "Assemblyman",
    "Assemblywoman", "Congressman", "Congresswoman", "Trooper", "Agent", "Pastor", "Rabbi", "Father",
    "CEO", "CFO", "COO", "CTO", "MP", "MEP", "MSP", "AM", "TD",
)
"""Titles before a name; they are dropped from the speaker ("Prime Minister Jane Doe" -> "Jane Doe")."""

FEMALE_WORDS = ("she", "her", "mrs", "ms", "miss", "madam", "lady", "dame", "queen", "princess",
                "woman", "women", "spokeswoman", "chairwoman", "congresswoman", "businesswoman",
                "mother", "daughter", "sister", "wife", "girl", "grandmother", "aunt", "actress", "niece",
                "granddaughter", "widow", "mum", "mom", "stepmother", "stepdaughter")
MALE_WORDS = ("he", "him", "mr", "sir", "lord", "king", "prince", "man", "men", "spokesman",
              "chairman", "congressman", "businessman", "father", "son", "brother", "husband",
              "boy", "grandfather", "uncle", "actor", "nephew", "grandson", "widower", "dad",
              "stepfather", "stepson")
FEMALE_NAMES = (
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
    "karen", "nancy", "lisa", "margaret", "betty", "sandra", "ashley", "dorothy", "kimberly",
    "emily", "donna", "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca",
    "laura", "sharon", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda",
    "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine",
    "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria",
    "olivia", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl",
    "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn",
    "sara", "janice", "alice", "madison", "doris", "abigail", "julia", "judy", "grace",
    "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana",
    "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "hillary", "angela",
    "theresa", "fatima", "aisha", "ayesha", "leila", "layla", "sofia", "ana", "marta",
    "claire", "louise", "sophie", "lucy", "chloe", "jane", "kate", "ursula", "nadia", "yasmin",
    "priya", "mei", "yuki", "olga", "irina", "elena", "natalia", "anne", "caroline", "lena",
)
"""Common female first names (a small, documented list) so "she said" skips a named man; unisex names left out."""
MALE_NAMES = (
    "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul",
    "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
    "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry",
    "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond",
    "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan",
    "douglas", "zachary", "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith",
    "christian", "roger", "noah", "gerald", "carl", "terry", "sean", "austin", "arthur",
    "lawrence", "jesse", "dylan", "bryan", "joe", "billy", "bruce", "albert", "willie",
    "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent",
    "russell", "elijah", "louis", "bobby", "philip", "johnny", "barack", "bill", "boris", "vladimir",
    "mohammed", "muhammad", "mohammad", "ahmed", "ali", "omar", "abu", "hassan", "hussein",
    "ibrahim", "mustafa", "khalid", "tony", "jim", "tom", "bob", "mike", "steve", "ben",
)
"""Common male first names (a small, documented list) so "he said" skips a named woman."""

ORG_WORDS = (
    "State", "States", "Department", "Ministry", "Office", "Agency", "Group", "Party", "Council",
    "Committee", "Commission", "University", "College", "School", "Institute", "Foundation",
    "Company", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Bank", "Post", "Times", "News", "Journal",
    "Press", "Network", "Army", "Force", "Forces", "Police", "Government", "Court", "Church",
    "House", "Senate", "Congress", "Parliament", "Union", "Association", "Street", "City",
    "County", "Airport", "Center", "Centre", "Hospital", "Club", "Board", "Service", "Services",
    "Organization", "Organisation", "Nations", "Republic", "Kingdom", "Museum", "Library", "Media",
    "Television", "Radio", "Channel", "Guard", "Navy", "Air", "Base", "Square", "River", "Sea",
    "Ocean", "Island", "Islands", "Mountains", "Valley", "Gulf", "Region", "Province", "Jazeera",
    "Twitter", "Facebook", "Google", "Reuters", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December", "God", "Allah",
)
"""Capitalised words that mark an organisation, place or date rather than a person."""

SENTENCE_OPENERS = (
    "The", "A", "An", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "From", "With",
    "After", "Before", "When", "While", "As", "If", "Although", "Though", "Because", "Since",
    "However", "Meanwhile", "Still", "Then", "Now", "Also", "This", "That", "These", "Those",
    "It", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Its", "Our", "My",
    "There", "Here", "Some", "Many", "Most", "All", "Like", "Unlike", "Even", "Only", "By",
    "Of", "To", "Over", "Under", "During", "Until", "Asked", "Overall", "According", "Why",
    "What", "How", "Who", "Where", "Which", "Several", "Each", "Every", "Both", "No", "Not",
)
"""Capitalised words at the start of a sentence that are not part of a name."""

PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it"}
CUT_WORDS = {
    "that", "while", "when", "as", "because", "although", "though", "after", "before", "if",
    "and", "but", "so", "where", "since", "until", "whether", "which", "who", "than", "what",
    "whom", "how", "why", "once", "then", "also", "later", "yet", "still", "now", "meanwhile",
}
TRAILING_WORDS = {
    "has", "had", "have", "would", "will", "could", "can", "did", "does", "do", "might", "may",
    "should", "shall", "must", "also", "later", "then", "earlier", "again", "once", "further",
    "previously", "recently", "often", "always", "never", "first", "since", "just",
    "even", "still", "too", "simply", "reportedly",
}
FORBIDDEN_IN_SPEAKER = {
    "is", "are", "was", "were", "be", "been", "being", "not", "to", "will", "would", "could",
    "should", "can", "did", "does", "has", "had", "have", "there", "this", "it's", "no", "if",
}
DETERMINERS = {"a", "an", "the", "one", "another", "two", "three", "four", "several", "some",
               "many", "other", "his", "her", "their", "its", "our", "both", "each", "most",
               "all", "senior", "former", "local", "those", "these", "police", "officials"}

PERSON_TITLES, ORG_WORDS, SENTENCE_OPENERS, WORK_NOUNS = (
    frozenset(PERSON_TITLES), frozenset(ORG_WORDS), frozenset(SENTENCE_OPENERS), frozenset(WORK_NOUNS))
FEMALE_WORDS, MALE_WORDS, FEMALE_NAMES, MALE_NAMES = (
    frozenset(FEMALE_WORDS), frozenset(MALE_WORDS), frozenset(FEMALE_NAMES), frozenset(MALE_NAMES))
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES

POST_STOP_WORDS = {"who", "which", "that", "whose", "in", "on", "at", "during", "after", "before",
                   "when", "while", "as", "because", "told", "said", "last", "this", "yesterday",
                   "today", "tonight", "and", "but", "to", "by", "from", "with", "about", "earlier"}

SUBJECT_VERBS = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "did",
    "does", "do", "may", "might", "must", "should", "spoke", "went", "came", "made", "took", "gave",
    "got", "ran", "sat", "stood", "left", "met", "won", "lost", "began", "thought", "felt", "found",
    "knew", "saw", "kept", "held", "brought", "paid", "sent", "built", "fell", "rose", "led", "fled",
    "drove", "flew", "runs", "says", "said", "told", "wants", "needs", "lives", "works", "became",
}
"""Verbs that end a sentence's subject when no -ed verb does ("Residents are", "The mayor spoke")."""

PERSON_NOUNS = re.compile(
    r"(?:official|spokes\w*|minister|officer|man|woman|son|daughter|father|mother|wife|husband|"
    r"defector|fighter|member|leader|analyst|expert|lawyer|attorney|prosecutor|judge|doctor|"
    r"director|president|chief|aide|adviser|advisor|diplomat|resident|witness|relative|friend|"
    r"neighbou?r|colleague|executive|student|teacher|worker|soldier|commander|militant|survivor|"
    r"victim|activist|researcher|professor|scientist|economist|owner|manager|founder|senator|"
    r"lawmaker|mayor|governor|chairman|chairwoman|coach|player|boy|girl|person|source|"
    r"representative|secretary|cameraman|reporter|journalist|brother|sister|guard|farmer|"
    r"nurse|inmate|prisoner|recruit|operative|employee|engineer|cleric|imam|priest|bishop)$")
"""Head nouns that make a described speaker a person ("a senior official")."""

ORG_NOUNS = frozenset({
    "campaign", "office", "company", "firm", "ministry", "department", "council", "committee",
    "union", "agency", "government", "administration", "party", "group", "charity", "club", "team",
    "board", "authority", "commission", "court", "embassy", "army", "military", "police", "trust",
    "organisation", "organization", "association", "foundation", "operator", "airline", "bank",
    "hospital", "school", "university", "institute", "network", "service", "regulator",
    "watchdog", "consortium", "coalition", "alliance", "federation", "league",
    "spokesperson", "family", "families", "lawyers", "prosecutors", "organisers", "organizers",
    "owners", "employers", "insurer", "developer", "retailer", "supermarket", "broadcaster",
    "publisher", "newspaper", "brand", "chain", "carmaker", "manufacturer", "utility", "provider",
})
"""Lower-case head nouns of an organisation that can speak ("the mayor's campaign said")."""

DOCUMENT_NOUNS = frozenset({
    "statement", "report", "release", "letter", "filing", "post", "tweet", "study", "survey",
    "document", "memo", "email", "e-mail", "notice", "announcement", "transcript", "video",
    "interview", "blog", "website", "message", "note", "press",
})
"""Nouns for a text, not a speaker: "according to a statement from X" names X as the speaker."""

THING_NOUNS = frozenset({
    "advert", "ad", "advertisement", "commercial", "banner", "sign", "placard", "poster", "leaflet",
    "flyer", "timetable", "schedule", "headline", "slogan", "caption", "label", "page", "map",
    "chart", "graphic", "book", "film", "song", "album", "show", "episode", "plan", "proposal",
    "law", "bill", "rule", "rules", "policy", "guidance", "warning", "order", "ruling", "verdict",
    "budget", "agreement", "deal", "contract", "manifesto", "petition", "motion", "clip", "footage",
    "spot", "inscription", "brochure", "booklet", "guide", "app", "site", "dossier", "video",
    "pamphlet", "article", "essay", "column", "editorial", "text", "script", "screen",
})
"""Head nouns of things that carry words but do not speak: such a phrase is never a speaker.

A document of DOCUMENT_NOUNS ("The statement said", a letter that "began") stays a speaker when no
author is named: it is its authors' voice, and "a statement from X" gives X."""

NAME_INTRODUCERS = frozenset({
    "charity", "company", "firm", "group", "party", "union", "agency", "band", "club", "team",
    "newspaper", "magazine", "channel", "network", "campaign", "organisation", "organization",
    "association", "foundation", "trust", "app", "website", "ship", "vessel", "hotel", "restaurant",
    "trawler", "boat", "yacht", "ferry", "tanker", "freighter", "liner", "schooner", "lifeboat",
})
"""Common nouns that introduce an organisation's or a thing's name ("the charity Open Hands")."""
PREPOSITIONS = {"of", "for", "at", "in", "on", "with", "from", "by", "to", "about", "near", "and", "or"}
"""Words that end a noun phrase's head ("a spokeswoman for X") or may precede a new phrase."""
