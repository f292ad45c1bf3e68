"""The site's main pages per demo role, found by following the links people follow from each role's
start page (so no database id is written here). Used by the page tests (screenshots, accessibility,
requests) and by bench/page-budgets (sizes). Standard library only."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from partrack_server import HttpSession

# Who signs in for each role of the demo (password partrack-demo); None is a visitor.
ROLES: dict[str, str | None] = {
    "visitor": None,
    "officer": "bagiang.tpht",
    "chairperson": "bagiang.chutich",
    "reviewer": "noivu.bato",
    "admin": "admin",
}


@dataclass(frozen=True)
class MainPage:
    role: str
    name: str
    path: str

    @property
    def slug(self) -> str:
        return f"{self.role}-{self.name}"


def first_link(page_html: str, pattern: str) -> str:
    """The first href on the page matching `pattern` (a regex over the unescaped href)."""
    for href in re.findall(r'href="([^"]+)"', page_html):
        href = html.unescape(href)
        if re.fullmatch(pattern, href):
            return href
    raise AssertionError(f"no link matching {pattern!r}")


def main_pages(base: str, roles: list[str] | None = None) -> list[MainPage]:
    """The main pages of each role, discovered from a server running the demo."""
    pages: list[MainPage] = []
    for role in roles or list(ROLES):
        session = HttpSession(base)
        found: dict[str, str] = {}
        if role == "visitor":
            found = {"home": "/", "sign-in": "/dang-nhap"}
        elif role == "officer":
            start = session.sign_in(ROLES[role])
            tasks = session.get_text(start)
            found = {
                "my-tasks": start,
                "task": first_link(tasks, r"/nhiem-vu/\d+"),
                "position-report": first_link(tasks, r"/ky-bao-cao/\d+/vi-tri/\d+"),
                "plans": "/ke-hoach",
                "password": "/mat-khau",
            }
        elif role == "chairperson":
            start = session.sign_in(ROLES[role])
            dashboard = session.get_text(start)
            plan = first_link(dashboard, r"/ke-hoach/\d+")
            found = {
                "dashboard": start,
                "plan": plan,
                "new-task": first_link(session.get_text(plan), r"/ke-hoach/\d+/nhiem-vu-moi"),
                "import": "/ke-hoach/nhap",
                "report-print": first_link(dashboard, r"/ky-bao-cao/\d+/in"),
                "task-leader-view": first_link(dashboard, r"/nhiem-vu/\d+"),
            }
        elif role == "reviewer":
            start = session.sign_in(ROLES[role])
            district = session.get_text(start)
            found = {
                "district": start,
                "district-print": first_link(district, r"/giam-sat/\d+/in\?.*"),
                "commune-dashboard": first_link(district, r"/xa/\d+"),
            }
        elif role == "admin":
            session.sign_in(ROLES[role])
            users = session.get_text("/quan-tri/nguoi-dung")
            catalogs = session.get_text("/quan-tri/bo-chi-so")
            found = {
                "users": "/quan-tri/nguoi-dung",
                "user": first_link(users, r"/quan-tri/nguoi-dung/\d+"),
                "units": "/quan-tri/don-vi",
                "catalogs": "/quan-tri/bo-chi-so",
                "catalog": first_link(catalogs, r"/quan-tri/bo-chi-so/\d+"),
            }
        pages += [MainPage(role, name, path) for name, path in found.items()]
    return pages
