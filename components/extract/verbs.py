"""The reporting vocabulary of the speech rules (speech.py): which verbs report speech,
which only with a complement, which express worry, which end a sentence as its
attribution ("..., the ministry said.")."""

# Verbs that report speech whatever follows them.
SPEECH_VERBS = {
    "say",
    "state",
    "tell",
    "stress",
    "announce",
    "claim",
    "accuse",
    "deny",
    "urge",
    "insist",
    "confirm",
    "warn",
    "assure",
    "demand",
    "reject",
    "declare",
    "emphasize",
    "emphasise",
    "underline",
    "reiterate",
    "condemn",
    "criticize",
    "criticise",
    "blame",
    "allege",
    "vow",
    "pledge",
    "promise",
    "threaten",
    "appeal",
    "complain",
    "assert",
    "inform",
    "learn",  # "..., Armenian News-NEWS.am has learned from the NSS." (the source speaks)
    "dismiss",
    "refute",
    "denounce",
    "explain",
    "comment",
    "respond",
    "reply",
    "tweet",
    "quote",
    "reaffirm",
    "underscore",
    "deplore",
    "praise",
    "hail",
    "laud",
    "commend",
    "slam",
    "decry",
    "lambast",
    "reassure",
    "clarify",
    "concede",
}
# Verbs that report speech only with a complement clause or a quotation next to them
# ("he added that...", "noted that"), not in "added to the tension".
CLAUSE_VERBS = {
    "add",
    "note",
    "indicate",
    "report",
    "write",
    "express",
    "call",
    "describe",
    "mention",
    "suggest",
    "propose",
    "believe",
    "expect",
    "hope",
    "welcome",
    "regret",
    "argue",
    "point",
    "voice",
    "ask",
    "request",
    "tell",
    "consider",
    "recall",
    "announce",
    "accept",
    "admit",
    "acknowledge",
    "stress",
    "remind",
    "reveal",
    "disclose",
    "maintain",
}
# Of those, the ones that report speech with a noun for what was said ("expressed concern",
# "welcomed the agreement", "reported another attempt"); "added fuel", "called the
# office", "expected rain" are not speech.
NOUN_OBJECT_VERBS = {
    "note",
    "indicate",
    "report",
    "express",
    "mention",
    "suggest",
    "propose",
    "welcome",
    "regret",
    "voice",
    "request",
    "acknowledge",
    "recall",
    "reveal",
    "disclose",
    "convey",  # "Mr. Sullivan conveyed the commitment of the United States to ..."
    "highlight",  # "Minister of Foreign Affairs of Armenia highlighted the role of ..."
    "present",  # "During the telephone conversation Ararat Mirzoyan presented the situation"
}
# Verbs that name or judge something when they take an object and "as": "describes these
# actions as a provocation" (a statement, not a description of the scene).
DESCRIBING_VERBS = {
    "describe",
    "characterize",
    "characterise",
    "qualify",
    "regard",
    "label",
    "assess",
    "term",
    "brand",
}
# Acts performed by speaking: a sentence whose main verb is one of these, with no reporting
# verb, is its subject's statement ("The MoD has banned civilians from visiting ...").
SPEECH_ACT_VERBS = {
    "offer",
    "instruct",
    "order",
    "ban",
    "prohibit",
    "forbid",
    "request",
    "invite",
    "apologize",
    "apologise",
    "recommend",
    "advise",
    "summon",
    "thank",
    "congratulate",
    "protest",
    "brief",
    "react",
    "encourage",
    "undertake",  # "The Armenian side undertook to cooperate in this matter."
}
# A stance its holder states: "X is deeply concerned", "X remains committed to", "X is
# ready to".
STANCE_ADJECTIVES = {
    "concerned",
    "alarmed",
    "worried",
    "committed",
    "ready",
    "determined",
    "convinced",
    "confident",
    "grateful",
    "disappointed",
    "prepared",
}
# What is given when speaking: "provided details", "shared information".
INFORMATION_NOUNS = {
    "detail",
    "information",
    "explanation",
    "clarification",
    "assurance",
    # "shares this opinion", "gave his view": a stance told
    "opinion",
    "view",
    "position",
    "assessment",
}
# "spread false information" is the narrator's accusation, not the subject's statement.
FALSE_WORDS = {"false", "fake", "untrue", "misleading", "baseless"}
# What a body does with a document or information: "issued a statement", "spread
# information about the shelling".
PUBLISHING_VERBS = {"issue", "release", "publish", "spread", "disseminate", "circulate"}
# "the three leaders signed a joint statement promising ...": a document its signers issue.
PUBLISHING_VERBS |= {"sign", "adopt"}
# Verbs that deliver what a speaker asks or declares: "sent a request for help", "made a
# statement", "lodged a protest", "submitted a proposal".
DELIVERING_VERBS = {"send", "make", "submit", "lodge", "file", "address", "deliver"}
# What is asked or declared by delivering it.
REQUEST_NOUNS = {"request", "appeal", "proposal", "demand", "protest", "complaint", "offer"}
# A worry is the worried party's statement: "the tension worries Western countries".
CONCERN_VERBS = {"worry", "concern", "alarm", "trouble"}
# Verbs that end a sentence as its attribution: '<words>, the ministry said.'
FINAL_VERBS = (
    "said|says|added|adds|stated|states|noted|stressed|told|reported|declared|announced|"
    "wrote|explained|emphasized|emphasised|underlined|insisted|warned|claimed|continued|"
    "concluded|reiterated|asserted|argued|tweeted|quoted|reads|informed|confirmed|"
    "clarified|specified|pointed out|"
    # the present of agency and ministry copy: "..., the Armenian Ministry of Defense informs."
    "informs|reports|notes|announces|stresses|emphasizes|emphasises|underlines|writes|"
    "claims|insists|warns|confirms|clarifies|specifies|tweets"
)
