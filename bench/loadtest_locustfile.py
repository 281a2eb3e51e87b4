"""Locust users for `make loadtest`: contributors, moderators, trainers and trainees, through the real pages.

Run by bench/loadtest.py (never on its own): it passes the plan (accounts, the shared password, the share link,
words to write and search with, the pauses) in LOADTEST_PLAN and where to write what happened in LOADTEST_OUT.
Every request is made without following redirects, so each is timed under its own page name; where a browser
would follow a redirect, the user asks for the next page itself, under that page's name.

Each user comes from its own address (X-Forwarded-For, with STORYBANK_PROXY_COUNT=1 on the server, as behind the
production proxy), so the per-address limits count people, not the one machine running Locust.

What is written: every write the server acknowledged (a 2xx, or the redirect that follows a saved form) is kept in
``ACKS`` with what was written (the story, the length and hash of the autosaved words, the consent chosen, the
reflection's words), so bench/loadtest.py can look for each one in the database afterwards.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import re
import time
from collections import defaultdict
from datetime import date, timedelta

from locust import HttpUser, between, events, task

PLAN = json.loads(os.environ.get("LOADTEST_PLAN", "{}") or "{}")
WAIT = tuple(PLAN.get("wait", (1.0, 5.0)))
SAMPLES: list[tuple[str, float, int, float]] = []
ACKS: list[dict] = []
NOTES: dict[str, int] = defaultdict(int)
PEOPLE: dict[str, int] = defaultdict(int)
TIMES = {"started": None, "stopped": None}
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')
_addresses = itertools.count(1)
_accounts: dict[str, itertools.count] = defaultdict(itertools.count)
PURPOSES = ("training", "partners", "public", "research", "quotes")


@events.request.add_listener
def _record(request_type, name, response_time, response_length, response=None, exception=None, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    SAMPLES.append((name, response_time, 0 if exception is not None and status == 0 else status, time.time()))


@events.test_start.add_listener
def _started(environment, **kwargs):
    TIMES["started"] = time.time()


@events.quitting.add_listener
def _write(environment, **kwargs):
    TIMES["stopped"] = time.time()
    with open(os.environ["LOADTEST_OUT"], "w", encoding="utf8") as handle:
        json.dump({"samples": SAMPLES, "acks": ACKS, "notes": NOTES, "people": PEOPLE, "times": TIMES}, handle)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def csrf_from(text: str) -> str:
    match = _CSRF.search(text or "")
    return (match.group(1) or match.group(2)) if match else ""


def words(count: int) -> str:
    vocabulary = PLAN["words"]
    return " ".join(random.choices(vocabulary, cum_weights=PLAN["cum_weights"], k=count))


def sentences(count: int) -> str:
    out = []
    for _ in range(count):
        sentence = words(random.randint(6, 18))
        out.append(sentence[:1].upper() + sentence[1:] + ".")
    return " ".join(out)


class Person(HttpUser):
    """Someone at their own address, pausing between actions as people do."""

    abstract = True
    wait_time = between(*WAIT)
    role = ""

    def on_start(self):
        PEOPLE[type(self).__name__.lower() + "s"] += 1
        number = next(_addresses)
        self.address = f"10.{number // 250 % 250}.{number % 250}.{random.randint(1, 250)}"
        self.client.headers["X-Forwarded-For"] = self.address
        if self.role:
            names = PLAN["accounts"][self.role]
            self.username = names[next(_accounts[self.role]) % len(names)]
            self.sign_in()

    def get(self, path: str, name: str, **kwargs):
        return self.client.get(path, name=name, allow_redirects=False, **kwargs)

    def post(self, path: str, name: str, data: dict, **kwargs):
        return self.client.post(path, name=name, data=data, allow_redirects=False, **kwargs)

    def follow(self, response, name: str):
        """What a browser does with a redirect: ask for the page it points to."""
        location = response.headers.get("Location", "")
        if response.status_code in (301, 302, 303) and location:
            return self.get(location, name)
        return response

    def sign_in(self) -> None:
        page = self.get("/sign-in", "sign in page")
        response = self.post("/sign-in", "sign in", {"csrf_token": csrf_from(page.text), "username": self.username,
                                                     "password": PLAN["password"]})
        if response.status_code != 302:
            NOTES[f"sign-in refused ({response.status_code})"] += 1

    def pause(self) -> None:
        self.wait()


class Contributor(Person):
    """Starts a story, autosaves it as they type, sends it with their consent, and changes a consent choice."""

    weight = 40
    role = "contributor"

    def on_start(self):
        super().on_start()
        self.own = list(PLAN["own_stories"].get(self.username, []))

    @task
    def write_and_send(self):
        page = self.get("/stories/write", "write page")
        token = csrf_from(page.text)
        fields = {"csrf_token": token, "story_id": "", "title": words(random.randint(3, 7)).capitalize(),
                  "care_setting": random.choice(PLAN["care_settings"]), "region": random.choice(PLAN["regions"]),
                  "about_whom": "", "when_happened": ""}
        body = ""
        for _ in range(random.randint(2, 5)):
            self.pause()
            body = (body + ("\n\n" if body and random.random() < 0.3 else " ") + sentences(random.randint(2, 5))
                    ).strip()
            with self.client.post("/stories/autosave", name="autosave", data={**fields, "body": body},
                                  allow_redirects=False, catch_response=True) as response:
                answer = response.json() if response.status_code == 200 else {}
                if not answer.get("saved"):
                    response.failure(f"not saved: {response.status_code}")
                    return
                fields["story_id"] = str(answer["story_id"])
                ACKS.append({"kind": "autosave", "story_id": answer["story_id"], "length": len(body),
                             "sha": sha(body), "user": self.username})
        self.pause()
        response = self.post("/stories/write", "save and continue", {**fields, "body": body, "action": "continue"})
        if response.status_code != 302 or "/send" not in response.headers.get("Location", ""):
            return
        ACKS.append({"kind": "autosave", "story_id": int(fields["story_id"]), "length": len(body), "sha": sha(body),
                     "user": self.username})
        send_page = self.follow(response, "send page")
        self.pause()
        choice = self.consent_choice()
        sent = self.post(f"/stories/{fields['story_id']}/send", "send story",
                         {**choice, "csrf_token": csrf_from(send_page.text)})
        reference = re.search(r'data-reference>([^<]+)<', sent.text or "")
        if sent.status_code == 200 and reference:
            ACKS.append({"kind": "story", "story_id": int(fields["story_id"]), "reference": reference.group(1).strip(),
                         "sha": sha(body), "user": self.username})
            ACKS.append(self.consent_ack(int(fields["story_id"]), choice))
            self.own.append(int(fields["story_id"]))
        if random.random() < 0.5 and self.own:
            self.pause()
            self.change_consent(random.choice(self.own))
        if random.random() < 0.3:
            self.pause()
            self.get("/my-stories", "my stories")

    def consent_choice(self) -> dict:
        scopes = [p for p in PURPOSES if random.random() < 0.5] or ["training"]
        review = date.today() + timedelta(days=random.randint(60, 3000))
        return {**{p: "yes" if p in scopes else "no" for p in PURPOSES}, "attribution": "anonymous", "agree": "y",
                "review_date": review.isoformat()}

    def consent_ack(self, story_id: int, choice: dict) -> dict:
        return {"kind": "consent", "story_id": story_id, "scopes": [p for p in PURPOSES if choice[p] == "yes"],
                "review_date": choice["review_date"], "user": self.username}

    def change_consent(self, story_id: int) -> None:
        path = f"/my-stories/{story_id}/consent"
        page = self.get(path, "consent page")
        if page.status_code != 200:
            return
        self.pause()
        choice = self.consent_choice()
        response = self.post(path, "change consent", {**choice, "csrf_token": csrf_from(page.text)})
        if response.status_code == 302 and response.headers.get("Location", "").endswith(f"/my-stories/{story_id}"):
            ACKS.append(self.consent_ack(story_id, choice))
            self.follow(response, "my story")


class Trainee(Person):
    """Opens the pack from the share link, reads, and sometimes writes what they took from a story."""

    weight = 25

    @task
    def read_and_reflect(self):
        link = f"/s/{PLAN['share_token']}"
        page = self.get(link, "share link")
        forms = re.findall(r'action="(/s/[^"/]+/reflect/\d+)"', page.text or "")
        if page.status_code != 200 or not forms or random.random() > 0.4:
            return
        self.pause()
        text = (f"I will {words(random.randint(8, 20))}. " + sentences(random.randint(1, 3))).strip()
        action = random.choice(forms)
        response = self.post(action, "send reflection", {"csrf_token": csrf_from(page.text), "text": text,
                                                        "action": "check"})
        if response.status_code == 200 and 'value="send"' in (response.text or ""):
            self.pause()  # the page pointed out a personal detail; they read it and send as it is
            response = self.post(action, "send reflection", {"csrf_token": csrf_from(response.text), "text": text,
                                                            "action": "send"})
        if response.status_code == 302 and response.headers.get("Location", "").endswith("/reflected"):
            ACKS.append({"kind": "reflection", "sha": sha(text.strip())})
            self.follow(response, "reflection thanks")


class Trainer(Person):
    """Searches with varied words and filters, opens a story, and adds some to their own draft pack."""

    weight = 20
    role = "trainer"

    def on_start(self):
        super().on_start()
        page = self.get("/packs/new", "new pack page")
        response = self.post("/packs/new", "make pack", {"csrf_token": csrf_from(page.text), "purpose": "training",
                                                         "title": f"Listening well {random.randint(1, 9999)}",
                                                         "audience": "New home care workers"})
        found = re.search(r"/packs/(\d+)", response.headers.get("Location", ""))
        self.pack_id = int(found.group(1)) if response.status_code == 302 and found else None
        if self.pack_id:
            self.follow(response, "pack builder")

    @task
    def search_and_add(self):
        params = {"q": " ".join(random.sample(PLAN["search_words"], random.choice((1, 1, 1, 2, 2, 3)))),
                  "purpose": "training"}
        if random.random() < 0.3:
            params["care_setting"] = random.choice(PLAN["care_settings"][1:])
        if random.random() < 0.2:
            params["region"] = random.choice(PLAN["regions"][1:])
        if random.random() < 0.2:
            params["exclude_warning"] = random.choice(PLAN["warnings"])
        if random.random() < 0.1:
            params["q"] = f'"{random.choice(PLAN["phrases"])}"'
        results = self.get("/search", "search", params=params)
        references = re.findall(r'href="/library/stories/([^"?]+)\?purpose=training"', results.text or "")
        if not references:
            return
        self.pause()
        reference = random.choice(references[:10])
        page = self.get(f"/library/stories/{reference}?purpose=training", "story page")
        if self.pack_id is None or page.status_code != 200 or random.random() > 0.5:
            return
        self.pause()
        response = self.post(f"/packs/{self.pack_id}/stories/add", "add to pack",
                             {"csrf_token": csrf_from(page.text), "reference": reference})
        if response.status_code == 302 and "#section-" in response.headers.get("Location", ""):
            ACKS.append({"kind": "pack_story", "pack_id": self.pack_id, "reference": reference})
            self.follow(response, "pack builder")


class Moderator(Person):
    """Opens the queue, claims a waiting story, decides each suggestion, then approves or asks for changes."""

    weight = 15
    role = "moderator"

    @task
    def decide_a_story(self):
        queue = self.get("/moderation", "queue")
        claims = re.findall(r'action="/moderation/stories/(\d+)/claim"', queue.text or "")
        if not claims:
            return
        self.pause()
        story_id = random.choice(claims[:8])
        response = self.post(f"/moderation/stories/{story_id}/claim", "claim",
                             {"csrf_token": csrf_from(queue.text)})
        if response.status_code != 302 or f"/moderation/stories/{story_id}" not in response.headers.get("Location",
                                                                                                         ""):
            NOTES["claim lost to another moderator"] += 1
            self.follow(response, "queue")
            return
        page = self.follow(response, "review page")
        for _ in range(40):  # every suggestion, one by one, reading the page again after each
            pending = re.findall(r'id="suggestion-(\d+)" class="suggestion-item suggestion-item-pending"',
                                 page.text or "")
            if page.status_code != 200 or not pending:
                break
            self.pause()
            decided = self.post(f"/moderation/suggestions/{pending[0]}", "decide suggestion",
                                {"csrf_token": csrf_from(page.text), "decision": random.choice(("accept", "reject"))})
            if decided.status_code != 302:
                return
            page = self.follow(decided, "review page")
        self.pause()
        if random.random() < 0.75:
            response = self.post(f"/moderation/stories/{story_id}/approve", "approve",
                                 {"csrf_token": csrf_from(page.text)})
            outcome = "approved"
        else:
            response = self.post(f"/moderation/stories/{story_id}/request-changes", "ask for changes",
                                 {"csrf_token": csrf_from(page.text),
                                  "changes-message": "Thank you for this. Could you say a little more about what "
                                                     "happened next, and how it felt?"})
            outcome = "changes_requested"
        if response.status_code == 302 and response.headers.get("Location", "").endswith("/moderation"):
            ACKS.append({"kind": "decision", "story_id": int(story_id), "outcome": outcome, "user": self.username})
            self.follow(response, "queue")
