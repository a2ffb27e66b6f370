"""How an event is said: asserted, negated, intended, hypothetical; promises and threats as CAMEO codes.

CAMEO codes a promised cooperative act as an expression of intent (03x, PLOVER AGREE) and a threatened or
announced hostile act as a threat (13x, PLOVER THREATEN); the act itself stays with the event as `act`.
"""

from __future__ import annotations

import re

INTENT_HEADS = {"prepare", "prepared", "plan", "intend", "promise", "pledge", "offer", "seek", "want", "hope",
                "aim", "expect", "ready", "willing", "set", "vow", "propose", "consider", "agree", "decide",
                "try", "attempt", "threaten", "going", "due", "scheduled", "slated", "poised"}


REPORTING_VERBS = {"say", "tell", "announce", "state", "confirm", "report", "add", "indicate", "declare",
                   "insist", "write", "note", "explain", "predict", "reiterate", "stress", "remind", "conclude",
                   "argue", "maintain", "demand"}


HYPOTHETICAL_AUX = {"could", "might", "may", "would"}


INTENT_AUX = {"will", "shall"}


ATTEMPT_HEADS = {"try", "attempt"}
FORCE_LEMMAS = {"assassinate", "kill", "storm", "attack", "seize", "capture", "overrun", "bomb", "shoot", "kidnap",
                "abduct", "hijack", "invade", "overthrow", "topple", "murder", "poison", "blow", "hack", "infiltrate",
                "sabotage"}


# acts done by doing another ("marched to protest"): their purpose clause is no intention
SHOWN_BY_DOING = {"protest", "demonstrate", "denounce", "condemn", "express", "show", "mark", "commemorate",
                  "honour", "honor", "mourn"}


# prepositions before a gerund whose act is done, not intended: the means, a time, a concession
DONE_MEANS = {"by", "after", "before", "since", "despite", "while", "following", "through"}


def event_status(token, doc) -> str:
    if any(c.dep_ == "neg" for c in token.children) or any(c.dep_ == "neg" for c in token.head.children
                                                             if token.dep_ in {"xcomp", "acomp"}):
        return "negated"
    if token.dep_ == "xcomp" and token.head.lemma_.lower() == "fail":
        return "negated"  # "failed to reach agreement": no agreement was reached
    window = doc[max(token.sent.start, token.i - 4):token.i].text.lower()
    if re.search(r"\b(no longer|never|not)\b", window) and token.pos_ == "VERB":
        return "negated"
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in RESUMING and token.head.dep_ == "xcomp":
        return event_status(token.head, doc)  # "prepared to resume shelling": as the resuming is
    aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in ATTEMPT_HEADS and token.lemma_.lower() in FORCE_LEMMAS:
        return "asserted"  # "tried to assassinate", "attempted to storm": the attempt is itself an act of force
    if token.dep_ in {"xcomp", "acomp"} and (head.lemma_.lower() in INTENT_HEADS or head.lower_ in INTENT_HEADS):
        return "intended"
    if (token.dep_ == "pcomp" and head.lower_ not in DONE_MEANS) or (
            token.dep_ == "xcomp" and head.dep_ == "acomp" and head.lower_ in INTENT_HEADS):
        return "intended"  # "committed to building", not "responded by closing" nor "after shelling"
    purpose = (token.dep_ in {"acl", "relcl"} and head.pos_ == "NOUN") or (token.dep_ == "advcl" and "to" in aux)
    if purpose and token.tag_ == "VB" and token.lemma_.lower() in SHOWN_BY_DOING:
        # "marched to protest the tax", "a hunger strike to protest the verdict": the deed is the protest
        return event_status(head, doc) if head.pos_ in {"VERB", "AUX"} else "asserted"
    if token.dep_ in {"acl", "relcl"} and token.tag_ == "VB" and head.pos_ == "NOUN":
        return "intended"  # "talks to deploy forces", "a plan to build": what the talks or the plan are for
    if token.dep_ == "advcl" and token.tag_ == "VB" and "to" in aux:
        return "intended"  # "in talks with Moscow to deploy forces": a purpose, not a deed
    if aux & INTENT_AUX:
        return "intended"
    if "to" in aux and (token.dep_ == "ROOT" or (token.dep_ in {"acl", "relcl"} and head.pos_ == "PROPN")):
        return "intended"  # a headline's "Britain to supply Ukraine with missiles": what is to happen
    if "would" in aux and token.dep_ == "ccomp" and token.head.lemma_ in REPORTING_VERBS:
        # "said that a team would meet": the reported "will" of a plan; "said they would meet him if he gave
        # them a veto": an offer on terms (a threat, for a hostile act), not a mere possibility
        return "intended"
    if aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children):
        return "hypothetical"
    return "asserted"


# CAMEO codes a promised cooperative act as an expression of intent (03x, PLOVER AGREE) and a threatened
# hostile act as a threat (13x, PLOVER THREATEN); the act itself is kept as the event's `act`.
INTENT_CODES = {"AID": "033", "SUPPORT": "032", "COOPERATE": "031", "CONSULT": "036", "CONCEDE": "034",
                "RETREAT": "035"}


INTENT_BY_CONTEXT = {("AID", "economic"): "0331", ("AID", "military"): "0332", ("AID", "humanitarian"): "0333",
                     ("AID", "peacekeeping"): "0334", ("COOPERATE", "economic"): "0311",
                     ("COOPERATE", "military"): "0312", ("COOPERATE", "intelligence"): "0314"}


THREAT_CODES = {"SANCTION": "1312", "ASSAULT": "138", "MOBILIZE": "138", "COERCE": "137", "PROTEST": "133",
                "REJECT": "130", "ACCUSE": "130", "REQUEST": "130"}


THREAT_BY_CAMEO = {"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
                   "172": "132", "173": "137", "175": "137", "15": "138", "18": "138", "19": "138", "20": "1383",
                   "087": "136"}  # CAMEO's own threat codes for the acts threatened (longest prefix wins)


THREAT_HEADS = {"threaten", "warn", "vow"}
RESUMING = {"resume", "continue", "start", "begin", "keep", "restart"}
# force made ready, not yet used: a show of readiness (CAMEO 152, PLOVER MOBILIZE), not a threat in words
READYING_HEADS = {"prepare", "ready", "poise", "gear", "mass"}


CESSATION_VERBS = {"stop", "halt", "cease", "end", "suspend", "pause", "call off"}
CEASEFIRE_ACTS = {"fire", "firing", "fighting", "fight", "hostility", "hostilities", "shelling", "clash"}


def ceased_code(code, token, codes):
    """An act of force that is stopped is a de-escalation: "agreed to stop all firing" is CAMEO 0871 (declare a
    ceasefire), "halted the offensive" 087, not the firing or the offensive (PLOVER RETREAT)."""
    if code.plover not in {"ASSAULT", "COERCE", "MOBILIZE"}:
        return code
    head, hops = token, 0
    while hops < 3 and head.dep_ in {"dobj", "advcl", "xcomp", "conj", "pobj", "prep", "nsubjpass", "compound"}:
        head, hops = head.head, hops + 1
        if head.lemma_.lower() in CESSATION_VERBS and head.pos_ == "VERB":
            return codes.get("0871" if token.lemma_.lower() in CEASEFIRE_ACTS else "087", code)
    return code


REFUSAL_HEADS = {"refuse", "decline", "fail"}  # "failed to reach agreement" rejects it (CAMEO 127)
# the CAMEO 12 code of refusing an act, by the act's code (longest prefix wins)
REFUSAL_CODES = {"04": "125", "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212", "07": "121",
                 "071": "1211", "072": "1212", "08": "124", "081": "1241", "084": "1243", "085": "1244",
                 "086": "1245", "087": "1246", "15": "1212", "01": "120", "02": "120"}


REFUSAL_NOUNS = {"refusal", "rejection", "reluctance", "unwillingness"}


def refusal_code(code, status: str, governor, codes) -> tuple:
    """(code, act, status) with a refused cooperative act coded as the refusal: "declined to pledge new
    aid to the region", "will not accept more refugees" are CAMEO 12 (PLOVER REJECT) aimed at the
    act's target, not the assistance or the acceptance; the act is kept as `act`."""
    refused = (governor.dep_ == "xcomp" and governor.head.lemma_.lower() in REFUSAL_HEADS) or (
        governor.dep_ == "acl" and governor.head.lemma_.lower() in REFUSAL_NOUNS)  # "Ruto's refusal to resign"
    aux = {c.lower_ for c in governor.children if c.dep_ == "aux"}
    refused = refused or (status == "negated" and bool(aux & {"will", "would", "wo"}))
    if not refused or code.quad_class not in (1, 2):
        return code, None, status
    prefix = next((p for p in sorted(REFUSAL_CODES, key=len, reverse=True) if code.code.startswith(p)), None)
    refusal = codes.get(REFUSAL_CODES[prefix]) if prefix else None
    return (refusal, code.plover, "asserted") if refusal is not None else (code, None, status)


def modal_code(code, status: str, governor, codes) -> tuple:
    """(code, act, status) with promised cooperation as intent (03x) and threatened hostility as a threat (13x)."""
    def marks(words: set[str]) -> bool:
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words for m in c.children)
                   for c in governor.children)

    if code.plover == "THREATEN" or status not in {"intended", "hypothetical"}:
        return code, None, status
    head = governor.head if governor.dep_ in {"xcomp", "ccomp"} else None
    if head is not None and head.dep_ == "xcomp" and head.lemma_.lower() in RESUMING:
        head = head.head  # "prepared to resume shelling"
    threatened = head is not None and head.lemma_.lower() in THREAT_HEADS
    if status == "intended" and code.plover == "ASSAULT" and head is not None \
            and head.lemma_.lower() in READYING_HEADS and governor.dep_ == "xcomp":
        return codes["152"], code.plover, "asserted"  # "the army prepared to resume shelling": readiness shown
    # An announced intention to harm is a threat (CAMEO 13), as an intention to cooperate is CAMEO 03.
    # (a deployment may be asked for, not feared; an inquiry to come is no threat)
    announced = status == "intended" and code.plover != "MOBILIZE" and not code.code.startswith("09")
    if marks({"unless"}) or (code.quad_class in (3, 4) and (threatened or marks({"if"}) or announced)):
        prefix = next((p for p in sorted(THREAT_BY_CAMEO, key=len, reverse=True) if code.code.startswith(p)), None)
        threat = codes.get(THREAT_BY_CAMEO[prefix] if prefix else THREAT_CODES.get(code.plover, "130"))
        if threat is not None:
            return threat, code.plover, "asserted"
    if code.quad_class in (1, 2) and status == "intended" and code.plover in INTENT_CODES \
            and not code.code.startswith("03"):
        intent = INTENT_BY_CONTEXT.get((code.plover, code.context)) or INTENT_CODES[code.plover]
        return codes[intent], code.plover, status
    return code, None, status
