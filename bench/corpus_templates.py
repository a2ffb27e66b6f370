"""Sentence templates of the synthetic news generator (bench/corpus.py), written for it.

A template is filled by str.format_map with slots: {a}, {a_name}, {a_dem}, {a_gov}, {a_lead}, {a_lead_poss},
{a_fm}, {a_dm}, {a_ministry}, {a_mil}, {a_cap}, {a_seat}, {a_city}, {a_people}, {a_official}, {a_speaker}
({a_speaker_mid} before a verb) and {a_short} for the source party a (likewise b, the target, and c, a third
country; {c_any} is a third country or an organisation), and {when}, {past}, {future}, {soon}, {weekday},
{month}, {year}, {year_old}, {year_future}, {money}, {pct}, {pct_small}, {n}, {n_troops}, {n_small}, {n_word},
{days}, {qty} and the vocabulary slots of corpus_data ({goods}, {topic}, ...).
A digit after a vocabulary slot ({goods2}) draws a different value. "a"/"an" is fixed after filling.
"""

from __future__ import annotations

# PLOVER event kinds and how often an article is about each.
KINDS: dict[str, int] = {"CONSULT": 14, "AGREE": 9, "AID": 8, "COOPERATE": 9, "SANCTION": 7, "THREATEN": 6,
                         "ACCUSE": 9, "REQUEST": 7, "REJECT": 5, "PROTEST": 5, "MOBILIZE": 5, "ASSAULT": 7,
                         "RETREAT": 4, "CONCEDE": 5}

# Event sentences: (kind, form, template); form is act, pas (passive), nom (nominal), light (light verb),
# intent, neg (negated), hyp (hypothetical) or rep (reported speech). a acts on b.
EVENTS: list[tuple[str, str, str]] = [
    ("CONSULT", "act", "{a_lead} met {b_lead} in {b_cap} {when} for talks on {topic}."),
    ("CONSULT", "light", "{a_fm} held talks with {b_fm} {when} on the sidelines of a regional meeting in {venue}."),
    ("CONSULT", "nom", "{a_lead_poss} visit to {b_name} {when} was the first by a leader of {a_name} since "
                       "{year_old}."),
    ("CONSULT", "act", "{a_fm} arrived in {b_cap} {when} for a {days}-day visit, {a_ministry} said."),
    ("CONSULT", "pas", "{b_lead} was received by {a_lead} in {a_cap} {when}."),
    ("CONSULT", "intent", "{a_lead} is expected to travel to {b_cap} {future} for talks with {b_lead}."),
    ("CONSULT", "neg", "{a_fm} did not meet {b_fm} during the conference in {venue}, officials said."),
    ("CONSULT", "rep", "{a_ministry} said {when} that {a_name} and {b_name} would hold a new round of talks on "
                       "{topic} in {venue}."),
    ("CONSULT", "act", "{a_lead} and {b_lead} discussed {topic} in a phone call {when}."),
    ("CONSULT", "hyp", "{a_lead} could visit {b_name} {future} if the two sides make progress on {topic}, "
                       "{a_official} said."),
    ("AGREE", "act", "{a_name} and {b_name} signed a memorandum of understanding on {sector} {when}."),
    ("AGREE", "act", "{a_lead} and {b_lead} signed {n_small} agreements covering {sector}, {sector2} and {sector3}."),
    ("AGREE", "pas", "A {n_word}-year agreement on {sector} was signed by {a_fm} and {b_fm} in {b_cap} {when}."),
    ("AGREE", "intent", "{a_name} pledged to conclude a free trade agreement with {b_name} {future}."),
    ("AGREE", "act", "{a} agreed to extend its gas supply deal with {b_name} until {year_future}."),
    ("AGREE", "nom", "The agreement between {a_name} and {b_name}, reached after {n_word} rounds of talks, "
                     "covers {topic} and {topic2}."),
    ("AGREE", "neg", "{a_name} and {b_name} failed to reach an agreement on {topic} after {days} days of talks in "
                     "{venue}."),
    ("AGREE", "hyp", "{a_gov} is prepared to sign a security pact with {b_name} if lawmakers in {b_seat} approve "
                     "the text."),
    ("AGREE", "rep", "{a_lead} said {when} that {a_name} had agreed to a framework deal with {b_name} on {topic}."),
    ("AGREE", "act", "{a_gov} endorsed a {b_dem} proposal for a joint commission on {topic}."),
    ("AID", "act", "{a_name} pledged {money} in humanitarian aid to {b_name} {when}."),
    ("AID", "act", "{a_gov} sent {n} {relief} to {b_name} after {disaster} in the country's {direction}."),
    ("AID", "pas", "{b_name} received a loan of {money} from {a_name} to shore up its currency reserves."),
    ("AID", "pas", "{money} in emergency assistance for {b_name} was approved by {a_gov} {when}."),
    ("AID", "intent", "{a_lead} promised to provide {b_name} with {n} doses of vaccine and {money} for health care."),
    ("AID", "light", "{a_name} extended a credit line of {money} to {b_name} for the purchase of {goods}."),
    ("AID", "nom", "{a_name}'s aid package for {b_name}, worth {money}, includes {n} {relief}."),
    ("AID", "neg", "{a_name} refused to release an aid tranche of {money} to {b_name}, citing concerns over "
                   "corruption."),
    ("AID", "hyp", "{a_name} could send military aid to {b_name} if the fighting spreads, {a_dm} told reporters."),
    ("AID", "act", "{a_name} delivered {n_small} air defence systems to {b_name} {when}."),
    ("COOPERATE", "act", "{a_dem} companies will invest {money} in {b_dem} {sector} under a plan announced {when}."),
    ("COOPERATE", "act", "The navies of {a_name} and {b_name} began joint exercises off {b_city} {when}."),
    ("COOPERATE", "act", "{a} agreed to expand trade with {b_name}, which reached {money} last year."),
    ("COOPERATE", "pas", "A new rail link between {a_name} and {b_name} was opened {when} by {a_lead} and {b_lead}."),
    ("COOPERATE", "light", "{a_gov} signed contracts worth {money} with {b_dem} firms to build {project}."),
    ("COOPERATE", "intent", "{a_lead} vowed to deepen economic cooperation with {b_name}, calling it a priority for "
                            "{a_seat}."),
    ("COOPERATE", "rep", "{a_ministry} said {when} that {a_name} would share intelligence with {b_name} on "
                         "{topic}."),
    ("COOPERATE", "nom", "{a_name}'s investment in {b_dem} {sector} has reached {money}, according to the {a_dem} "
                         "embassy in {b_cap}."),
    ("COOPERATE", "hyp", "{a_name} could double its imports of {b_dem} {goods} if the two sides cut tariffs, "
                         "{a_official} said."),
    ("COOPERATE", "act", "{a_dem} and {b_dem} scientists will work together on {research} under an accord signed in "
                         "{b_cap}."),
    ("SANCTION", "act", "{a_name} imposed sanctions on {n_small} {b_dem} officials {when} over {issue}."),
    ("SANCTION", "act", "{a_gov} slapped tariffs of {pct} on {b_dem} {goods} {when}."),
    ("SANCTION", "pas", "{b_dem} banks were cut off from {a_dem} financial markets under measures announced {when}."),
    ("SANCTION", "act", "{a} froze {money} in assets belonging to {b_dem} state companies."),
    ("SANCTION", "act", "{a_name} expelled {n_small} {b_dem} diplomats {when}, accusing them of spying."),
    ("SANCTION", "act", "{a_gov} banned imports of {b_dem} {goods} {when}."),
    ("SANCTION", "intent", "{a_name} pledged to tighten export controls on {tech} bound for {b_name}."),
    ("SANCTION", "neg", "{a_name} did not impose new sanctions on {b_name} {when}, despite pressure from lawmakers."),
    ("SANCTION", "hyp", "{a_name} could impose sanctions on {b_name} as early as next week, {a_fm} said."),
    ("SANCTION", "rep", "{a_lead} said {when} that {a_name} would suspend its trade agreement with {b_name}."),
    ("SANCTION", "nom", "{a_name}'s sanctions on {b_dem} {goods}, which took effect {past}, have cut shipments by "
                        "{pct}."),
    ("THREATEN", "act", "{a_lead} threatened to impose tariffs on {b_dem} {goods} if {b_gov} did not change course."),
    ("THREATEN", "act", "{a_name} warned {b_name} of “serious consequences” over {issue}."),
    ("THREATEN", "intent", "{a_dm} said {a_name} was ready to use force to defend its interests against {b_name}."),
    ("THREATEN", "rep", "{a_ministry} said {when} that {a_name} would retaliate against any {b_dem} attack."),
    ("THREATEN", "hyp", "{a_name} could cut gas supplies to {b_name} if the dispute over {issue} is not resolved, "
                        "{a_fm} said."),
    ("THREATEN", "act", "{a_lead} threatened {b_name} with military action over {issue}."),
    ("THREATEN", "nom", "{a_name}'s threat to close its airspace to {b_dem} airlines drew criticism in {b_seat}."),
    ("THREATEN", "neg", "{a_name} did not rule out military action against {b_name}, {a_dm} said {when}."),
    ("ACCUSE", "act", "{a_name} accused {b_name} of {accusation} {when}."),
    ("ACCUSE", "act", "{a_fm} condemned {b_name} for {accusation}."),
    ("ACCUSE", "pas", "{b_name} was accused by {a} of {accusation}."),
    ("ACCUSE", "act", "{a_gov} criticised {b_dem} authorities for {accusation}."),
    ("ACCUSE", "rep", "{a_ministry} said {when} that {b_name} was responsible for {incident}."),
    ("ACCUSE", "act", "{a_lead} denounced the {b_dem} government's decision to {decision}."),
    ("ACCUSE", "neg", "{a_name} stopped short of blaming {b_name} for {incident}."),
    ("ACCUSE", "nom", "{a_name}'s condemnation of {b_name} came after {incident}."),
    ("ACCUSE", "act", "{a_name} summoned the {b_dem} ambassador {when} to complain about {issue}."),
    ("REQUEST", "act", "{a_name} urged {b_name} to {demand} {when}."),
    ("REQUEST", "act", "{a_fm} called on {b_name} to {demand}."),
    ("REQUEST", "pas", "{b_name} was asked by {a_name} to {demand}."),
    ("REQUEST", "act", "{a_gov} demanded that {b_name} {demand}."),
    ("REQUEST", "rep", "{a_lead} said {when} that {b_name} must {demand}."),
    ("REQUEST", "nom", "{a_name}'s request for debt relief from {b_name} was on the agenda of the meeting."),
    ("REQUEST", "hyp", "{a_name} would ask {b_name} for compensation if the investigation confirmed {b_dem} "
                       "involvement, {a_official} said."),
    ("REQUEST", "act", "{a_name} sought {b_dem} support for its bid for a seat on the UN Human Rights Council."),
    ("REJECT", "act", "{a_name} rejected {b_dem} demands to {demand} {when}."),
    ("REJECT", "act", "{a_gov} refused to extradite {n_small} of its nationals wanted in {b_name}."),
    ("REJECT", "act", "{a_fm} dismissed {b_dem} accusations as “baseless and absurd”."),
    ("REJECT", "pas", "A {b_dem} proposal on {topic} was rejected by {a_gov} {when}."),
    ("REJECT", "neg", "{a_name} will not accept {b_dem} conditions on {topic}, {a_lead} said."),
    ("REJECT", "act", "{a_name} vetoed a {b_dem}-drafted resolution at the UN Security Council {when}."),
    ("REJECT", "act", "{a_gov} turned down a {b_dem} offer to mediate in the dispute over {topic}."),
    ("REJECT", "rep", "{a_ministry} said {when} that it would not recognise {b_dem} claims to the disputed area."),
    ("PROTEST", "act", "Thousands of {a_people} protested outside the {b_dem} embassy in {a_cap} {when} over {issue}."),
    ("PROTEST", "act", "{a_dem} activists staged a sit-in in front of the {b_dem} consulate in {a_city}."),
    ("PROTEST", "act", "Hundreds of {a_dem} farmers blocked roads to protest against imports of {b_dem} {goods}."),
    ("PROTEST", "pas", "The {b_dem} embassy in {a_cap} was picketed by {n} {a_dem} protesters demanding "
                       "{protest_demand}."),
    ("PROTEST", "act", "{a_dem} dock workers refused to unload {b_dem} ships in protest at {issue}."),
    ("PROTEST", "act", "{a_dem} consumers launched a boycott of {b_dem} goods after {incident}."),
    ("PROTEST", "act", "Demonstrators in {a_city} burned {b_dem} flags {when}, chanting slogans against {b_lead}."),
    ("PROTEST", "hyp", "Student groups in {a_cap} threatened to rally outside the {b_dem} embassy if {b_gov} goes "
                       "ahead with its plan to {decision}."),
    ("MOBILIZE", "act", "{a_name} deployed {n_troops} troops to its border with {b_name} {when}."),
    ("MOBILIZE", "act", "{a_mil} moved {n_small} battalions closer to the {b_dem} frontier."),
    ("MOBILIZE", "pas", "{n_small} {a_dem} warships were sent to waters near {b_name} {when}."),
    ("MOBILIZE", "act", "{a_name} put its forces on high alert after {incident} near the {b_dem} border."),
    ("MOBILIZE", "act", "{a_dm} ordered the deployment of air defence units along the border with {b_name}."),
    ("MOBILIZE", "rep", "{a_ministry} said {when} that {a_name} had called up {n_troops} reservists amid tensions "
                        "with {b_name}."),
    ("MOBILIZE", "nom", "The build-up of {a_dem} troops near {b_name}, estimated at {n_troops}, has alarmed "
                        "{b_gov}."),
    ("MOBILIZE", "hyp", "{a_name} could send more troops to the border if {b_name} continues its exercises, "
                        "{a_dm} warned."),
    ("ASSAULT", "act", "{a_mil} launched air strikes on {b_city} {when}, killing at least {n_small} people, local "
                       "officials said."),
    ("ASSAULT", "act", "{a_mil} shelled {b_dem} positions near {b_city} overnight."),
    ("ASSAULT", "pas", "{b_city} was hit by {a_dem} {weapon} {when}, {b_dem} authorities said."),
    ("ASSAULT", "act", "{a_dem} drones struck an oil depot in {b_city} {when}."),
    ("ASSAULT", "nom", "The {a_dem} attack on {b_city} damaged power lines and left {n} households without "
                       "electricity."),
    ("ASSAULT", "act", "{a_dem} forces seized a {b_dem} {vessel} in disputed waters {when}."),
    ("ASSAULT", "rep", "{b_dm} said {when} that {a_dem} troops had attacked a border post, wounding {n_small} "
                       "soldiers."),
    ("ASSAULT", "neg", "{a_name} denied that its forces had fired on {b_dem} fishermen {when}."),
    ("ASSAULT", "hyp", "{a_name} would strike {b_dem} military sites if its territory were attacked, {a_dm} said."),
    ("ASSAULT", "act", "{a_dem} hackers attacked the networks of the {b_dem} energy ministry, investigators said."),
    ("RETREAT", "act", "{a_name} withdrew its troops from the outskirts of {b_city} {when} under a deal brokered by "
                       "{c_any}."),
    ("RETREAT", "act", "{a_name} and {b_name} agreed to a ceasefire that took effect at midnight {when}."),
    ("RETREAT", "pas", "{a_dem} forces were pulled back {n_small} kilometres from the border with {b_name}."),
    ("RETREAT", "act", "{a_gov} announced a {days}-day truce in its operations against {b_name}."),
    ("RETREAT", "act", "{a_name} halted its offensive near {b_city} {when}, {a_dm} said."),
    ("RETREAT", "intent", "{a_name} pledged to pull its forces out of {b_name} by the end of {year_future}."),
    ("RETREAT", "rep", "{a_ministry} said {when} that {a_dem} units had completed their withdrawal from {b_dem} "
                       "territory."),
    ("RETREAT", "neg", "{a_name} refused to withdraw its troops from the disputed border area with {b_name}."),
    ("RETREAT", "nom", "{a_name}'s withdrawal from {b_city} was confirmed by satellite images {when}."),
    ("CONCEDE", "act", "{a_name} released {n_small} {b_dem} prisoners {when} as part of an exchange."),
    ("CONCEDE", "act", "{a_gov} lifted its ban on {b_dem} {goods} {when}."),
    ("CONCEDE", "pas", "{n_small} detained {b_dem} sailors were freed by {a_dem} authorities {when}."),
    ("CONCEDE", "act", "{a_name} eased visa rules for {b_dem} citizens {when}."),
    ("CONCEDE", "act", "{a_name} returned the seized {b_dem} {vessel} and its crew {when}."),
    ("CONCEDE", "act", "{a_gov} dropped its objection to a {b_dem} bid to host the next {org_short} summit."),
    ("CONCEDE", "intent", "{a_name} is prepared to ease sanctions on {b_name} if {b_gov} {condition}."),
    ("CONCEDE", "rep", "{a_lead} said {when} that {a_name} would allow {b_dem} inspectors to visit the site."),
    ("CONCEDE", "neg", "{a_name} did not release the {b_dem} journalist detained {past}, despite an earlier "
                       "promise."),
    ("CONCEDE", "act", "{a_name} agreed to reopen its border with {b_name} to trucks carrying {goods}."),
]

# What tends to follow a story of each kind: (kind, direction) with ab = a on b again, ba = b answers a,
# ca / cb = a third party on a or on b.
FOLLOW_UPS: dict[str, list[tuple[str, str]]] = {
    "CONSULT": [("AGREE", "ab"), ("COOPERATE", "ab"), ("CONSULT", "ba"), ("REQUEST", "ab")],
    "AGREE": [("COOPERATE", "ab"), ("AID", "ab"), ("CONSULT", "ab"), ("COOPERATE", "ba")],
    "AID": [("AID", "cb"), ("REQUEST", "ba"), ("COOPERATE", "ab"), ("CONSULT", "ba")],
    "COOPERATE": [("AGREE", "ab"), ("CONSULT", "ab"), ("COOPERATE", "ba"), ("ACCUSE", "ca")],
    "SANCTION": [("ACCUSE", "ba"), ("THREATEN", "ba"), ("REJECT", "ba"), ("SANCTION", "ba"), ("REQUEST", "ca")],
    "THREATEN": [("ACCUSE", "ba"), ("REJECT", "ba"), ("MOBILIZE", "ab"), ("REQUEST", "ca")],
    "ACCUSE": [("REJECT", "ba"), ("ACCUSE", "ba"), ("REQUEST", "ab"), ("SANCTION", "ab")],
    "REQUEST": [("REJECT", "ba"), ("CONCEDE", "ba"), ("CONSULT", "ab"), ("THREATEN", "ab")],
    "REJECT": [("ACCUSE", "ba"), ("THREATEN", "ba"), ("REQUEST", "ba"), ("REQUEST", "ca")],
    "PROTEST": [("ACCUSE", "ba"), ("REQUEST", "ba"), ("ACCUSE", "ab"), ("SANCTION", "ab")],
    "MOBILIZE": [("THREATEN", "ab"), ("ACCUSE", "ba"), ("REQUEST", "ca"), ("MOBILIZE", "ba")],
    "ASSAULT": [("ACCUSE", "ba"), ("ASSAULT", "ba"), ("REQUEST", "ca"), ("THREATEN", "ba"), ("AID", "cb")],
    "RETREAT": [("CONSULT", "ab"), ("REQUEST", "ca"), ("AGREE", "ab"), ("CONCEDE", "ab")],
    "CONCEDE": [("CONSULT", "ab"), ("AGREE", "ab"), ("REQUEST", "ba"), ("CONCEDE", "ba")],
}

# Headlines by kind (headline style: present tense, few articles).
HEADLINES: dict[str, list[str]] = {
    "CONSULT": ["{a_name} and {b_name} hold talks on {topic}", "{a_short} and {b_short} meet for talks on {topic}",
                "{a_dem} and {b_dem} foreign ministers meet in {venue}", "{a_dem} leader heads to {b_cap} for talks"],
    "AGREE": ["{a_name}, {b_name} sign deal on {sector}", "{a_name} and {b_name} agree framework on {topic}",
              "{a_dem}-{b_dem} accord on {topic} signed in {b_cap}"],
    "AID": ["{a_name} pledges {money} in aid to {b_name}", "{a_dem} aid reaches {b_name} after {disaster}",
            "{b_name} secures {money} loan from {a_name}"],
    "COOPERATE": ["{a_dem} firms to invest {money} in {b_dem} {sector}", "{a_name} and {b_name} expand trade ties",
                  "{a_name}, {b_name} team up to build {project}"],
    "SANCTION": ["{a_name} imposes sanctions on {b_dem} officials", "{a_name} slaps tariffs on {b_dem} {goods}",
                 "{a_name} expels {b_dem} diplomats"],
    "THREATEN": ["{a_short} warns {b_name} of consequences over {issue}",
                 "{a_name} threatens to halt exports of {goods} to {b_name}", "{a_name} raises pressure on {b_name}"],
    "ACCUSE": ["{a_name} accuses {b_name} of {accusation}", "{a_name} condemns {b_dem} decision to {decision}",
               "{a_name} blames {b_name} for {incident}"],
    "REQUEST": ["{a_name} urges {b_name} to {demand}", "{a_name} presses {b_name} over {issue}",
                "{a_name} asks {b_name} for help with {topic}"],
    "REJECT": ["{a_name} rejects {b_dem} demands", "{a_name} dismisses {b_dem} accusations as baseless",
               "{a_name} says no to {b_dem} proposal on {topic}"],
    "PROTEST": ["Protesters rally outside {b_dem} embassy in {a_cap}",
                "{a_dem} farmers protest against {b_dem} {goods} imports", "Anger at {b_name} spills onto streets of "
                                                                          "{a_city}"],
    "MOBILIZE": ["{a_name} sends troops to {b_dem} border", "{a_name} deploys warships near {b_name}",
                 "{a_name} puts forces on alert as tension with {b_name} rises"],
    "ASSAULT": ["{a_dem} strikes hit {b_city}", "{a_dem} drones attack {b_dem} oil depot",
                "{a_name} shells {b_dem} positions near {b_city}"],
    "RETREAT": ["{a_name} pulls troops back from {b_dem} border", "{a_name} and {b_name} agree to ceasefire",
                "{a_name} halts offensive near {b_city}"],
    "CONCEDE": ["{a_name} frees {n_small} {b_dem} prisoners", "{a_name} lifts ban on {b_dem} {goods}",
                "{a_name} eases visa rules for {b_dem} citizens"],
}

# Kinds whose story is friendly: their quotes come from the "pos" pool.
FRIENDLY = {"CONSULT", "AGREE", "AID", "COOPERATE", "RETREAT", "CONCEDE"}

# What officials say, by stance; a is the speaker's country, b the other party.
QUOTES: dict[str, list[str]] = {
    "pos": ["This is a historic day for the people of {a_name} and {b_name}",
            "We are ready to help our friends in {b_name} in every way we can",
            "This agreement will create thousands of jobs in both our countries",
            "Trade between our two countries could double within {n_word} years",
            "Our partnership with {b_name} has never been stronger",
            "We have agreed to work together on {topic}, and that is good news for everyone",
            "We want to turn good words into real projects, starting with {project}"],
    "neg": ["{b_name} must bear full responsibility for the consequences",
            "We will defend our sovereignty by every legitimate means",
            "These measures are illegal and will only hurt ordinary people",
            "We expect concrete steps, not words",
            "Nobody wins a trade war, but we will not stand idle",
            "The patience of the {a_dem} people has limits",
            "What happened {when} was a clear violation of international law"],
    "neu": ["The door to dialogue remains open", "Our position on {topic} has not changed",
            "We call on all parties to show restraint", "It is too early to say whether the talks will succeed",
            "We are studying the proposal carefully", "Much depends on what {b_seat} does in the coming days"],
    "analyst": ["Neither side can afford a long confrontation",
                "The move is largely symbolic, but the message to {b_seat} is clear",
                "This could reshape the balance of power in the region for years",
                "Markets will be watching closely how {b_name} responds",
                "Domestic politics in {a_name} explain much of what we are seeing"],
}

# Ways of framing a quote: {q} is the quote, {q2} a second one.
QUOTE_FRAMES = ["“{q},” said {a_speaker}.", "{a_lead} said: “{q}.”", "“{q},” {a_fm} told reporters in {a_seat}.",
                "“{q},” {a_speaker_mid} said in a statement. “{q2}.”", "In a statement, {a_ministry} said: “{q}.”",
                "{a_fm} told {agency}: “{q}. {q2}.”"]

# Frames of an analyst's comment.
ANALYST_FRAMES = ["“{q},” said {analyst}, a researcher at {think_tank}.",
                  "{analyst} of {think_tank} said: “{q}.”",
                  "“{q},” {analyst}, who studies {topic} at {think_tank}, told {source}."]

# Background and filler sentences that report no event between states.
BACKGROUND: list[str] = [
    "{a_name} and {b_name} established diplomatic relations in {year_old}.",
    "Bilateral trade reached {money} in {year}, according to {a_dem} customs data.",
    "{a_name}'s economy grew {pct_small} last year, while inflation stood at {pct}.",
    "The two countries have a long history of {history}.",
    "{a_name} is one of the largest buyers of {b_dem} {goods}.",
    "More than {n} {b_dem} students are enrolled at universities in {a_name}.",
    "{b_name} produces about {qty} and sells much of it abroad.",
    "The {b_dem} currency has lost {pct} of its value against the dollar since {year}.",
    "Relations have been strained since {year}, when {strain}.",
    "Tourism accounts for about {pct} of {b_name}'s economic output.",
    "Unemployment in {a_name} stood at {pct} in {month}, the national statistics office said.",
    "The {a_dem} parliament is due to debate the budget {soon}.",
    "The {b_dem} central bank raised its benchmark interest rate to {pct_small} {past}.",
    "About {n} {a_dem} citizens live in {b_name}, according to consular estimates.",
    "Remittances from {b_dem} workers abroad totalled {money} last year.",
    "{b_city} is one of the largest cities in {b_name} and a hub for {sector}.",
    "Inflation in {a_name} eased to {pct_small} in {month}, official data showed.",
    "The {a_dem} government has faced criticism at home over rising fuel prices.",
    "{a_name} hosted an international conference on {topic} in {year}.",
    "Parliamentary elections in {b_name} are due {future}.",
    "Factories around {b_city} employ about {n} people, many of them in {sector}.",
    "{a_dem} exports to {b_name} were worth {money} in {year}, up {pct} from a year earlier.",
    "Sales of {goods} make up about {pct} of {b_name}'s exports.",
    "Heavy rain is forecast for {b_city} and the surrounding area over the weekend.",
    "The main stock index in {a_seat} closed {pct_small} higher on {weekday}.",
    "Officials in {a_seat} have not published details of the plan.",
    "The talks in {venue} were the {ordinal} round since {year}.",
    "{analyst}, a researcher at {think_tank}, said the decision reflected domestic pressure in {a_seat}.",
    "{analyst} of {think_tank} said relations between {a_name} and {b_name} had improved since {year}.",
    "{b_cap} was calm on {weekday}, with shops and schools open as usual.",
    "Fuel prices in {b_name} have risen {pct} since {month}.",
    "A court in {b_cap} is expected to rule on the case {soon}.",
    "{a_name} imports about {qty}, much of it by sea.",
    "Construction of {project} near {b_city} began in {year} and is due to finish in {year_future}.",
    "Both governments face economic headwinds, with growth in {b_name} forecast at {pct_small} this year.",
    "{c_name} and {b_name} have long competed for influence in the region.",
    "The {a_dem} cabinet will meet {soon} to review the budget, {agency} reported.",
    "Neither government has published the full text of the documents.",
]

# What relations have been (after "a long history of").
HISTORY = ["trade ties", "border disputes", "cultural exchange", "rivalry over regional influence",
           "cooperation on energy", "disagreements over water"]

# What strained relations (after "since {year}, when").
STRAIN = ["a dispute over fishing rights erupted", "a new government took office in {b_seat}",
          "talks on a trade deal collapsed", "an ambassador was expelled", "a border incident left several dead"]

# Ordinal words for rounds of talks.
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
