"""The verbs a posting's duties start with ("Design …", "Support …"), in one place."""

from __future__ import annotations

import re

VERBS = (
    r"design|develop|build|implement|lead|drive|own|create|research|analy[sz]e|partner|deploy|"
    r"maintain|write|conduct|support|optimi[sz]e|investigate|identify|contribute|define|manage|"
    r"mentor|coach|evaluate|improve|participate|provide|help|architect|deliver|collaborate|"
    r"work|establish|explore|invent|prototype|shape|scale|ship|automate|monitor|integrate|"
    r"test|validate|verify|debug|perform|apply|utili[sz]e|use|train|fine-tune|benchmark|"
    r"publish|present|communicate|coordinate|plan|review|guide|engage|influence|translate|"
    r"assist|ensure|act|serve|run|operate|extend|enhance|advance|transform|tackle|solve|take|"
    r"bring|champion|foster|oversee|set|stay|keep|recommend|propose|produce|prepare|document|"
    r"report|conceive|formulate|interface|liaise|teach|onboard|interact|execute|employ|meet|"
    r"modernize|model|specify|characterize|simulate|program|code|port|migrate|refactor|become|"
    r"leverage|collect|gather|overcome|systemati[sz]e|troubleshoot|diagnose|resolve|measure|"
    r"assess|track|prioriti[sz]e|facilitate|streamline|configure|install|administer|upgrade|"
    r"triage|launch|release|instrument|refine|curate|enable|empower|advocate|accelerate|"
    r"craft|iterate|construct|audit|organi[sz]e|educate|hire|expand|reduce|grow|increase|handle|"
    r"respond|rely|modify|acquire|dive|"
    r"add|adopt|align|author|calibrate|capture|clarify|compile|complete|compose|consult|"
    r"convert|customi[sz]e|derive|detect|determine|devise|direct|discover|distribute|draft|"
    r"edit|eliminate|enforce|estimate|examine|extract|finali[sz]e|fix|generate|initiate|"
    r"innovate|inspect|interpret|introduce|maximi[sz]e|minimi[sz]e|mitigate|negotiate|"
    r"obtain|orchestrate|outline|pilot|pioneer|predict|promote|protect|rebuild|recruit|"
    r"redesign|represent|revamp|scope|select|simplify|standardi[sz]e|steer|strengthen|"
    r"summari[sz]e|supervise|synthesi[sz]e|transfer|unify|update|visuali[sz]e|embrace"
)
# Their forms: "Designs", "Provided"; a verb ending in a consonant and y ends in -ies, -ied
# ("Identifies", "Relies").
_IES = "|".join(v[:-1] for v in VERBS.split("|") if re.fullmatch(r"\w*[^aeiou]y", v))
VERB_FORMS = rf"(?:{VERBS})(?:s|es|ed)?|(?:{_IES})i(?:es|ed)"
_VERB = re.compile(VERB_FORMS, re.IGNORECASE)


def is_verb(word: str) -> bool:
    """Whether ``word`` is one of the verbs duties start with ("Support", "Design")."""
    return bool(_VERB.fullmatch(word))
