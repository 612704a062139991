"""Results set against guidance: "revenue was $158.2 million, ahead of the top end of our
guidance", "EPS were $0.27, above our guidance range", "毛利率為 60.3%,超過我們指引的上限".

Such a sentence names guidance but reports the quarter; only the guidance figure it quotes
("above our guidance of $150 million") is guidance.
"""

from __future__ import annotations

import re

from viewer.core.figures.script import zh_compile

EN_VS_GUIDANCE = re.compile(
    r"(?<![A-Za-z])(?:ahead\s+of|above|below|beyond|exceed(?:ed|ing|s)?|beat|surpass(?:ed|es|ing)?"
    r"|within|in\s+line\s+with|short\s+of|met|end\s+of|midpoint\s+of)(?![A-Za-z])"
    r"[^.;!?]{0,40}?(?<![A-Za-z])(?:guidance|outlook|guided\s+range)(?![A-Za-z])",
    re.I,
)
ZH_VS_GUIDANCE = zh_compile(
    r"(?:超過|超出|高於|優於|低於|符合|達到|落在|位於|在|不及|未達)"
    r"[^,\uff0c。;\uff1b]{0,10}?(?:指引|指導|展望|財測)"
)
# The guidance figure such a sentence quotes: the window before the figure ends in "guidance of".
# Each blank run belongs to one group: three optional groups each opening with ``\s*`` were
# cubic on a long run of blanks after "guidance" (a 50 KB paragraph: over 5 s).
EN_GUIDANCE_OF = re.compile(
    r"(?:guidance|outlook|guided)(?:\s+range)?(?:\s+(?:of|was|at|called\s+for))?"
    r"(?:\s+(?:approximately|about|around|roughly|between|from))?\s*$",
    re.I,
)
ZH_GUIDANCE_OF = zh_compile(r"(?:指引|指導|展望|財測)(?:區間|範圍)?\s?(?:為|是|的)?\s?(?:約)?\s?$")


def quotes_guidance(window: str, english: bool) -> bool:
    """Whether the text just before a figure introduces it as the guidance itself."""
    return (EN_GUIDANCE_OF if english else ZH_GUIDANCE_OF).search(window) is not None
