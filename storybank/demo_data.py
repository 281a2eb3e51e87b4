"""Fictional demo stories for `flask seed-demo`: enough real-feeling material to walk every journey in a browser.

Why these stories exist: a newcomer trying StoryBank needs a moderation queue with something urgent at the top
(one submitted story holds a current safeguarding disclosure), stories in every state (14 approved, 5 submitted,
2 in review, 2 with changes requested, 2 declined, 2 withdrawn, 3 drafts), personal details for the analyser to
suggest removing (about a third of the stories), assisted stories shared by a supporter with each way of recording
consent, and approved stories a trainer finds by searching "toilet" with the theme "dignity". They are written in
the voices of people who draw on care and their families, because that is what staff training is built from.

Everything here is invented: people, towns, hospitals, care homes and agencies. Phone numbers come only from
Ofcom's ranges kept for drama (07700 900xxx, 0113 496 0xxx), the email address uses example.com, and the NHS
number starts with 999 (never issued to patients) but passes the checksum, so the analyser still flags it.

Each entry has the same keys. `key` makes seeding idempotent. `body` is the text as written (paragraphs split by a
blank line); `moderated_body` is the redacted text a moderator approved ("[Person A]" stays the same person all
through a story), and is None unless the story is approved. `scopes`, `attribution` and `consent_method` are the
consent the person gave (for withdrawn stories, what they gave before withdrawing). `days_ago` is when it was
written. `safeguarding` marks the one story that must raise an urgent concern.
"""

from __future__ import annotations

DEMO_STORIES: list[dict] = [
    {
        "key": "demo-01-toilet-dignity",
        "title": "Waiting for the toilet",
        "body": (
            "I've been in the home about two years now. Most of the staff are lovely, and I want to say that "
            "first.\n\n"
            "Last winter there was a night I pressed my buzzer because I needed the toilet. I can't get up on "
            "my own since my hip. Nobody came. I pressed it again. After about forty minutes a young lad put "
            "his head round the door and said, \"We're short tonight, just go in your pad, love, and we'll "
            'change you in the morning."\n\n'
            "I'm eighty-six. I have been taking myself to the toilet since I was two years old. I lay there "
            "and held on as long as I could, and then I couldn't, and I cried, and I was lying in it till six "
            "o'clock.\n\n"
            "I know they were short. I'm not daft. But he could have said, \"I'm sorry, I'll be back in ten "
            "minutes,\" and then come back. I'd have waited for that.\n\n"
            "If you're training, please remember that a pad is not a toilet. It's there for accidents. Asking "
            "somebody to wet themselves on purpose takes something away from them that is very hard to give "
            "back."
        ),
        "care_setting": "Care home",
        "region": "North West",
        "about_whom": "Me",
        "when_happened": "Last winter",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "partners"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "I've been in the home about two years now. Most of the staff are lovely, and I want to say that "
            "first.\n\n"
            "Last winter there was a night I pressed my buzzer because I needed the toilet. I can't get up on "
            "my own since my hip. Nobody came. I pressed it again. After about forty minutes a young lad put "
            "his head round the door and said, \"We're short tonight, just go in your pad, love, and we'll "
            'change you in the morning."\n\n'
            "I'm eighty-six. I have been taking myself to the toilet since I was two years old. I lay there "
            "and held on as long as I could, and then I couldn't, and I cried, and I was lying in it till six "
            "o'clock.\n\n"
            "I know they were short. I'm not daft. But he could have said, \"I'm sorry, I'll be back in ten "
            "minutes,\" and then come back. I'd have waited for that.\n\n"
            "If you're training, please remember that a pad is not a toilet. It's there for accidents. Asking "
            "somebody to wet themselves on purpose takes something away from them that is very hard to give "
            "back."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 212,
    },
    {
        "key": "demo-02-toilet-hospital-night",
        "title": "The buzzer at night",
        "body": (
            "Mum went into St Aldhelm's Hospital in Brackenthorpe with a chest infection. She's ninety-one and "
            "very proud. She still puts her lipstick on before the district nurse comes.\n\n"
            "On her second night on Ward 9 she asked to go to the toilet and was told the commode was being "
            "used and she'd have to wait. When she asked again they said she had a pad on and she could use "
            "that. She didn't sleep. When I came in the next morning she wouldn't look at me. She said, 'I've "
            "been a nuisance.'\n\n"
            "That afternoon a healthcare assistant called Precious came on shift. She pulled the curtain right "
            "round, crouched down so she was at Mum's level, and said, 'Mrs Haworth, when you need the toilet, "
            "you tell me and I will take you. Every time. That's my job.' And she did.\n\n"
            "Mum talks about Precious more than she talks about the doctors. It cost that woman maybe two "
            "minutes. It gave my mum her dignity back."
        ),
        "care_setting": "Hospital",
        "region": "Yorkshire and the Humber",
        "about_whom": "My mum",
        "when_happened": "Spring 2024",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "partners", "quotes"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "Mum went into [hospital] in [town] with a chest infection. She's ninety-one and very proud. She "
            "still puts her lipstick on before the district nurse comes.\n\n"
            "On her second night on [ward] she asked to go to the toilet and was told the commode was being "
            "used and she'd have to wait. When she asked again they said she had a pad on and she could use "
            "that. She didn't sleep. When I came in the next morning she wouldn't look at me. She said, 'I've "
            "been a nuisance.'\n\n"
            "That afternoon a healthcare assistant called [Person A] came on shift. She pulled the curtain "
            "right round, crouched down so she was at Mum's level, and said, '[Person B], when you need the "
            "toilet, you tell me and I will take you. Every time. That's my job.' And she did.\n\n"
            "Mum talks about [Person A] more than she talks about the doctors. It cost that woman maybe two "
            "minutes. It gave my mum her dignity back."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 301,
    },
    {
        "key": "demo-03-toilet-my-way",
        "title": "Doing it my way",
        "body": (
            "I've got MS and my legs aren't what they were. Going to the toilet takes me a long time and I "
            "need help getting on and off.\n\n"
            "When the care started, different carers came every day and most of them did everything for me, as "
            "quick as they could, pulling my trousers down before I'd even said good morning. I felt like a "
            "parcel.\n\n"
            "Then my carer Bernadette started doing my mornings. The first day she asked me, 'What can you do "
            "yourself, and what do you want me to do?' Nobody had asked me that before. I can do my own "
            "buttons if I'm given time. I can pull myself up on the rail. She helps me turn, then she waits "
            "outside the bathroom door and I shout when I'm ready.\n\n"
            "It takes longer. She told the office it takes longer, and she got the visit made up to forty-five "
            "minutes. I don't know how she managed it.\n\n"
            "I'm fifty-eight. Being left on the toilet for five minutes with the door shut is a small thing, "
            "but it's mine."
        ),
        "care_setting": "Care at home",
        "region": "West Midlands",
        "about_whom": "Me",
        "when_happened": "This year",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "partners", "quotes"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "I've got MS and my legs aren't what they were. Going to the toilet takes me a long time and I "
            "need help getting on and off.\n\n"
            "When the care started, different carers came every day and most of them did everything for me, as "
            "quick as they could, pulling my trousers down before I'd even said good morning. I felt like a "
            "parcel.\n\n"
            "Then my carer [Person A] started doing my mornings. The first day she asked me, 'What can you do "
            "yourself, and what do you want me to do?' Nobody had asked me that before. I can do my own "
            "buttons if I'm given time. I can pull myself up on the rail. She helps me turn, then she waits "
            "outside the bathroom door and I shout when I'm ready.\n\n"
            "It takes longer. She told the office it takes longer, and she got the visit made up to forty-five "
            "minutes. I don't know how she managed it.\n\n"
            "I'm fifty-eight. Being left on the toilet for five minutes with the door shut is a small thing, "
            "but it's mine."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 48,
    },
    {
        "key": "demo-04-fifteen-minutes",
        "title": "Fifteen minutes",
        "body": (
            "Dad was meant to get four calls a day, fifteen minutes each. Fifteen minutes to get a man of "
            "eighty-eight out of bed, washed, dressed, his tablets, his breakfast and the kettle on.\n\n"
            "It can't be done. Not properly. So the carers did the bits that got written down and skipped the "
            "rest. He'd be dressed but his teeth wouldn't be in. His porridge would be made and left on the "
            "side going cold, because there was no time to sit with him while he ate it. I found three bowls "
            "of it on the side one Friday.\n\n"
            "I don't blame the carers. One of them told me she was paid for the fifteen minutes and not for "
            "the drive in between. She'd be apologising to Dad while she put her coat back on.\n\n"
            "Dad said to me once, 'They're nice girls, but they're always leaving.' That stuck with me. From "
            "one week to the next he never had a conversation that wasn't about his tablets.\n\n"
            "If you plan the visits, please try doing your own morning in fifteen minutes. Then try doing it "
            "for someone else, slowly, and kindly."
        ),
        "care_setting": "Care at home",
        "region": "North East",
        "about_whom": "My dad",
        "when_happened": "2023",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "partners", "public", "research", "quotes"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "Dad was meant to get four calls a day, fifteen minutes each. Fifteen minutes to get a man of "
            "eighty-eight out of bed, washed, dressed, his tablets, his breakfast and the kettle on.\n\n"
            "It can't be done. Not properly. So the carers did the bits that got written down and skipped the "
            "rest. He'd be dressed but his teeth wouldn't be in. His porridge would be made and left on the "
            "side going cold, because there was no time to sit with him while he ate it. I found three bowls "
            "of it on the side one Friday.\n\n"
            "I don't blame the carers. One of them told me she was paid for the fifteen minutes and not for "
            "the drive in between. She'd be apologising to Dad while she put her coat back on.\n\n"
            "Dad said to me once, 'They're nice girls, but they're always leaving.' That stuck with me. From "
            "one week to the next he never had a conversation that wasn't about his tablets.\n\n"
            "If you plan the visits, please try doing your own morning in fifteen minutes. Then try doing it "
            "for someone else, slowly, and kindly."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 388,
    },
    {
        "key": "demo-05-same-faces",
        "title": "I like Tuesdays",
        "body": (
            "My name is Danny. I live in a flat with two other people. I have staff to help me.\n\n"
            "I like Tuesdays because Tuesday is Leon. Leon has worked with me for three years. He knows I like "
            "my tea with two sugars. He knows I get worried when the bus is late. He does not make a fuss. He "
            "says, 'Let's wait, Danny, it will come.'\n\n"
            "Sometimes I get new staff I don't know. They read my file. They ask me lots of questions all at "
            "once. I do not like it. I go in my room.\n\n"
            "I want the same staff. Not always the same person. But people who know me.\n\n"
            "When new staff come, they should come with Leon first. Then they can see how I like things. That "
            "is my idea.\n\n"
            "My support worker helped me write this. I said the words."
        ),
        "care_setting": "Supported living",
        "region": "East Midlands",
        "about_whom": "Me",
        "when_happened": "Now",
        "author": "demo-supporter",
        "contributor_name": "Danny",
        "consent_method": "easy_read",
        "status": "approved",
        "scopes": ["training", "partners"],
        "attribution": "chosen_name",
        "attribution_name": "Danny",
        "moderated_body": (
            "My name is Danny. I live in a flat with two other people. I have staff to help me.\n\n"
            "I like Tuesdays because Tuesday is [Person A]. [Person A] has worked with me for three years. He "
            "knows I like my tea with two sugars. He knows I get worried when the bus is late. He does not "
            "make a fuss. He says, 'Let's wait, Danny, it will come.'\n\n"
            "Sometimes I get new staff I don't know. They read my file. They ask me lots of questions all at "
            "once. I do not like it. I go in my room.\n\n"
            "I want the same staff. Not always the same person. But people who know me.\n\n"
            "When new staff come, they should come with [Person A] first. Then they can see how I like things. "
            "That is my idea.\n\n"
            "My support worker helped me write this. I said the words."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 133,
    },
    {
        "key": "demo-06-discharge-friday-night",
        "title": "Sent home on a Friday night",
        "body": (
            "My husband Ron had a fall and spent nine days in Kelderby General Hospital. On the Friday morning "
            "Dr Osei came round and said he could go home once his care was sorted. I said he can't manage the "
            "stairs, so we'll need a bed downstairs and someone to help him in the mornings. She wrote it all "
            "down and said the discharge team would ring me.\n\n"
            "Nobody rang. At half past nine that night an ambulance brought him home in his pyjamas with a bag "
            "of tablets and a letter. No bed downstairs. No carers until the Tuesday. I'm seventy-four and "
            "I've a bad back myself. We slept in the chairs in the front room for four nights.\n\n"
            "When I rang the ward they couldn't find his notes, even though I gave them his NHS number, 999 "
            "052 7849, twice.\n\n"
            "I want to say that Dr Osei was kind and she did listen. Whatever she wrote down got lost "
            "somewhere between her and the front door. Before a person goes home, somebody should check that "
            "what was promised is actually there."
        ),
        "care_setting": "Hospital",
        "region": "South West",
        "about_whom": "My husband",
        "when_happened": "Last October",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "partners", "research"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "My husband [Person A] had a fall and spent nine days in [hospital]. On the Friday morning [the "
            "doctor] came round and said he could go home once his care was sorted. I said he can't manage the "
            "stairs, so we'll need a bed downstairs and someone to help him in the mornings. She wrote it all "
            "down and said the discharge team would ring me.\n\n"
            "Nobody rang. At half past nine that night an ambulance brought him home in his pyjamas with a bag "
            "of tablets and a letter. No bed downstairs. No carers until the Tuesday. I'm seventy-four and "
            "I've a bad back myself. We slept in the chairs in the front room for four nights.\n\n"
            "When I rang the ward they couldn't find his notes, even though I gave them his NHS number, [NHS "
            "number], twice.\n\n"
            "I want to say that [the doctor] was kind and she did listen. Whatever she wrote down got lost "
            "somewhere between her and the front door. Before a person goes home, somebody should check that "
            "what was promised is actually there."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 164,
    },
    {
        "key": "demo-07-she-asked-me",
        "title": "She asked me, not my daughter",
        "body": (
            "After my stroke my words got stuck. They're in my head but they come out slow, or wrong. I wrote "
            "this over three days.\n\n"
            "Most people talk to my daughter. They ask her what I want for my tea. They ask her if I'm in "
            "pain. I'm sitting right there.\n\n"
            "The new occupational therapist was different. She sat opposite me, not my daughter. She had a wee "
            "board with pictures on it. She asked me a question and then she waited. She waited a long time. "
            "She didn't finish my sentences for me. When I got a word wrong she didn't laugh, and she didn't "
            "pretend she understood when she didn't. She said, 'Try again, I've got time.'\n\n"
            "I told her I wanted to make my own cup of tea again. Not the shopping, not the stairs. The tea. "
            "So that's what we worked on.\n\n"
            "I make my own tea now. My daughter says the OT was very good. I say she listened."
        ),
        "care_setting": "Community",
        "region": "Scotland",
        "about_whom": "Me",
        "when_happened": "Earlier this year",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["public"],
        "attribution": "first_name",
        "attribution_name": "Maureen",
        "moderated_body": (
            "After my stroke my words got stuck. They're in my head but they come out slow, or wrong. I wrote "
            "this over three days.\n\n"
            "Most people talk to my daughter. They ask her what I want for my tea. They ask her if I'm in "
            "pain. I'm sitting right there.\n\n"
            "The new occupational therapist was different. She sat opposite me, not my daughter. She had a wee "
            "board with pictures on it. She asked me a question and then she waited. She waited a long time. "
            "She didn't finish my sentences for me. When I got a word wrong she didn't laugh, and she didn't "
            "pretend she understood when she didn't. She said, 'Try again, I've got time.'\n\n"
            "I told her I wanted to make my own cup of tea again. Not the shopping, not the stairs. The tea. "
            "So that's what we worked on.\n\n"
            "I make my own tea now. My daughter says the OT was very good. I say she listened."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 97,
    },
    {
        "key": "demo-08-mums-language",
        "title": "Someone who spoke Mum's language",
        "body": (
            "My mum moved into a care home when her dementia got bad. She came to this country in 1968 and "
            "spoke good English all her working life. But as the dementia went on, the English went first. By "
            "the end of her first year there she mostly spoke Punjabi.\n\n"
            "The staff were kind, but they couldn't understand her, so she got quieter and quieter. They wrote "
            "in her notes that she was 'withdrawn'. She wasn't withdrawn. Nobody was talking to her.\n\n"
            "Then they took on a care worker who spoke Punjabi. The first time she said 'Sat Sri Akal, "
            "Auntie-ji,' Mum sat straight up in her chair. They talked for half an hour about Mum's village "
            "and her mother's cooking.\n\n"
            "After that the manager asked us for a list of words and phrases, and for the music Mum liked. "
            "They put a little card in her room. They found someone from the gurdwara who comes to visit. They "
            "started making her tea the way she likes it, with cardamom, boiled in the pan.\n\n"
            "None of it was expensive. It just needed somebody to think that who she was still mattered."
        ),
        "care_setting": "Care home",
        "region": "London",
        "about_whom": "My mum",
        "when_happened": "2024",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "partners", "quotes"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "My mum moved into a care home when her dementia got bad. She came to this country in 1968 and "
            "spoke good English all her working life. But as the dementia went on, the English went first. By "
            "the end of her first year there she mostly spoke Punjabi.\n\n"
            "The staff were kind, but they couldn't understand her, so she got quieter and quieter. They wrote "
            "in her notes that she was 'withdrawn'. She wasn't withdrawn. Nobody was talking to her.\n\n"
            "Then they took on a care worker who spoke Punjabi. The first time she said 'Sat Sri Akal, "
            "Auntie-ji,' Mum sat straight up in her chair. They talked for half an hour about Mum's village "
            "and her mother's cooking.\n\n"
            "After that the manager asked us for a list of words and phrases, and for the music Mum liked. "
            "They put a little card in her room. They found someone from the gurdwara who comes to visit. They "
            "started making her tea the way she likes it, with cardamom, boiled in the pan.\n\n"
            "None of it was expensive. It just needed somebody to think that who she was still mattered."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 141,
    },
    {
        "key": "demo-09-bill-before-carers",
        "title": "The bill came before the carers did",
        "body": (
            "In April I had a letter saying I'd have to pay £94 a week towards my care. The carers hadn't even "
            "started yet. There was no breakdown, just a figure and a date.\n\n"
            "I rang the number on the letter, 0113 496 0417. A man called Gareth in the finance team said the "
            "figure was right because the computer had worked it out. I asked how. He said it was based on my "
            "'disposable income'. I said I haven't got any disposable income, I've got a mobility car and a "
            "heating bill. Gareth said I could appeal in writing.\n\n"
            "I'm registered blind. I can't fill in a form in writing.\n\n"
            "In the end a lady from a local advice charity came to my house and went through it all with me. "
            "It turned out they'd counted my husband's pension as mine, and they hadn't taken anything off for "
            "my disability costs. The bill went down to £31.\n\n"
            "I don't mind paying what's fair. What I mind is six weeks of worry because nobody would explain "
            "the sum to me in a way I could actually use."
        ),
        "care_setting": "Care at home",
        "region": "Yorkshire and the Humber",
        "about_whom": "Me",
        "when_happened": "Last spring",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "research"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "In April I had a letter saying I'd have to pay £94 a week towards my care. The carers hadn't even "
            "started yet. There was no breakdown, just a figure and a date.\n\n"
            "I rang the number on the letter, [phone number]. A man called [Person A] in the finance team said "
            "the figure was right because the computer had worked it out. I asked how. He said it was based on "
            "my 'disposable income'. I said I haven't got any disposable income, I've got a mobility car and a "
            "heating bill. [Person A] said I could appeal in writing.\n\n"
            "I'm registered blind. I can't fill in a form in writing.\n\n"
            "In the end a lady from a local advice charity came to my house and went through it all with me. "
            "It turned out they'd counted my husband's pension as mine, and they hadn't taken anything off for "
            "my disability costs. The bill went down to £31.\n\n"
            "I don't mind paying what's fair. What I mind is six weeks of worry because nobody would explain "
            "the sum to me in a way I could actually use."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 255,
    },
    {
        "key": "demo-10-dads-last-week",
        "title": "Dad's last week",
        "body": (
            "Dad spent his last week at Hollybrook House in Sallowmere. He'd been there eighteen months and "
            "we'd had our ups and downs with them, but I'll never forget how they were at the end.\n\n"
            "They moved a recliner into his room so I could stay the nights. Nobody said a word about visiting "
            "hours. The cook sent up toast at two in the morning without being asked.\n\n"
            "Dad had been a miner and a chapel man all his life. One of the night carers, Marta, found out he "
            "loved 'Abide with Me' and learned the first verse off her phone. She sang it to him, not very "
            "well, holding his hand. He couldn't talk by then, but his eyes opened.\n\n"
            "When he died, about four in the morning, Marta didn't rush me. She made a pot of tea and sat with "
            "me. Then she asked if I wanted to help wash him. I did. We did it together, slowly, talking to "
            "him the whole time.\n\n"
            "I thought I'd remember that week as the worst of my life. I remember it as the week people were "
            "kind to us."
        ),
        "care_setting": "Care home",
        "region": "North East",
        "about_whom": "My dad",
        "when_happened": "Two years ago",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "partners"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "Dad spent his last week at [care home] in [town]. He'd been there eighteen months and we'd had "
            "our ups and downs with them, but I'll never forget how they were at the end.\n\n"
            "They moved a recliner into his room so I could stay the nights. Nobody said a word about visiting "
            "hours. The cook sent up toast at two in the morning without being asked.\n\n"
            "Dad had been a miner and a chapel man all his life. One of the night carers, [Person A], found "
            "out he loved 'Abide with Me' and learned the first verse off her phone. She sang it to him, not "
            "very well, holding his hand. He couldn't talk by then, but his eyes opened.\n\n"
            "When he died, about four in the morning, [Person A] didn't rush me. She made a pot of tea and sat "
            "with me. Then she asked if I wanted to help wash him. I did. We did it together, slowly, talking "
            "to him the whole time.\n\n"
            "I thought I'd remember that week as the worst of my life. I remember it as the week people were "
            "kind to us."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 334,
    },
    {
        "key": "demo-11-ramp",
        "title": "The ramp that took two years",
        "body": (
            "I've used a wheelchair since a motorbike accident in my twenties. When I moved into my bungalow "
            "there were two steps up to the front door. Two steps doesn't sound like much. It meant I couldn't "
            "leave my own house without someone to help me.\n\n"
            "I asked for a ramp in the January. The OT came in the May. She was very nice and agreed I needed "
            "one. Then it went to a panel. Then the panel wanted a second quote. Then the money ran out for "
            "that year. Every time I rang I spoke to somebody new who had to start again from the beginning.\n\n"
            "For two years I went out when my brother could come round. A couple of times a week, if I was "
            "lucky. I missed my nephew's football. I stopped going to the pub quiz. I'm not a lonely person by "
            "nature, but I got lonely.\n\n"
            "The ramp went in last spring. It took two men one day.\n\n"
            "I'd like whoever sits on those panels to know that 'a ramp' is the wrong word for it. It's a "
            "front door."
        ),
        "care_setting": "Community",
        "region": "East of England",
        "about_whom": "Me",
        "when_happened": "2022 to 2024",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["public"],
        "attribution": "full_name",
        "attribution_name": "Trevor Aspinall",
        "moderated_body": (
            "I've used a wheelchair since a motorbike accident in my twenties. When I moved into my bungalow "
            "there were two steps up to the front door. Two steps doesn't sound like much. It meant I couldn't "
            "leave my own house without someone to help me.\n\n"
            "I asked for a ramp in the January. The OT came in the May. She was very nice and agreed I needed "
            "one. Then it went to a panel. Then the panel wanted a second quote. Then the money ran out for "
            "that year. Every time I rang I spoke to somebody new who had to start again from the beginning.\n\n"
            "For two years I went out when my brother could come round. A couple of times a week, if I was "
            "lucky. I missed my nephew's football. I stopped going to the pub quiz. I'm not a lonely person by "
            "nature, but I got lonely.\n\n"
            "The ramp went in last spring. It took two men one day.\n\n"
            "I'd like whoever sits on those panels to know that 'a ramp' is the wrong word for it. It's a "
            "front door."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 290,
    },
    {
        "key": "demo-12-sundays",
        "title": "Sundays are the longest",
        "body": (
            "I'm ninety-three. I've outlived my husband, both my sisters and most of my friends. My son lives "
            "in Australia and he rings on a Sunday night, which is lovely, but it's a long time till Sunday "
            "night.\n\n"
            "The carers come four times a day and they're good girls, but they're in and out. On a Wednesday "
            "there's the lunch club, and the lady from church comes on a Friday. Sundays there's nothing. I "
            "put the telly on for the noise.\n\n"
            "What I miss is somebody saying my name. Not 'love', not 'darling'. Eileen. My husband used to say "
            "it like it was the best word he knew.\n\n"
            "One of the carers, a young girl, noticed I had the racing on and started asking me about the "
            "horses. Now every Saturday she asks me for a tip. I've been right twice. It's the best five "
            "minutes of my week.\n\n"
            "It doesn't take much. Ask us something. We've still got plenty to say.\n\n"
            "I told this to my befriender and she wrote it down for me."
        ),
        "care_setting": "Care at home",
        "region": "North West",
        "about_whom": "Me",
        "when_happened": "Every week",
        "author": "demo-supporter",
        "contributor_name": "Eileen",
        "consent_method": "verbal",
        "status": "approved",
        "scopes": ["training", "partners", "quotes"],
        "attribution": "first_name",
        "attribution_name": "Eileen",
        "moderated_body": (
            "I'm ninety-three. I've outlived my husband, both my sisters and most of my friends. My son lives "
            "in Australia and he rings on a Sunday night, which is lovely, but it's a long time till Sunday "
            "night.\n\n"
            "The carers come four times a day and they're good girls, but they're in and out. On a Wednesday "
            "there's the lunch club, and the lady from church comes on a Friday. Sundays there's nothing. I "
            "put the telly on for the noise.\n\n"
            "What I miss is somebody saying my name. Not 'love', not 'darling'. Eileen. My husband used to say "
            "it like it was the best word he knew.\n\n"
            "One of the carers, a young girl, noticed I had the racing on and started asking me about the "
            "horses. Now every Saturday she asks me for a tip. I've been right twice. It's the best five "
            "minutes of my week.\n\n"
            "It doesn't take much. Ask us something. We've still got plenty to say.\n\n"
            "I told this to my befriender and she wrote it down for me."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 76,
    },
    {
        "key": "demo-13-ask-the-carer",
        "title": "Nobody asked how I was",
        "body": (
            "My wife has Alzheimer's. I've looked after her for three years now. I do everything: her tablets, "
            "her meals, getting her washed and dressed, taking her to appointments, and the nights when she's "
            "up and wandering and frightened and doesn't know who I am.\n\n"
            "For the first two years every professional who came through that door asked about her. Quite "
            "right. But not one of them asked about me. I lost two stone. I stopped seeing my friends. I'd sit "
            "in the car on the drive for ten minutes before going back in, just to have a bit of quiet.\n\n"
            "Then a nurse from the memory service came to do a review. At the end, with her coat already on, "
            "she turned round and said, 'And how are you doing?' I'm seventy-one years old and I cried in my "
            "own hallway.\n\n"
            "She got me a carer's assessment. I have a sitter on Thursday afternoons now and I go to a carers' "
            "group. It's not a cure. But I'm a person again, not just the man who does the tablets.\n\n"
            "Please ask the carer. Ask them properly, and wait for the answer."
        ),
        "care_setting": "Community",
        "region": "South East",
        "about_whom": "My wife",
        "when_happened": "Over the last three years",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "partners", "research"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "My wife has Alzheimer's. I've looked after her for three years now. I do everything: her tablets, "
            "her meals, getting her washed and dressed, taking her to appointments, and the nights when she's "
            "up and wandering and frightened and doesn't know who I am.\n\n"
            "For the first two years every professional who came through that door asked about her. Quite "
            "right. But not one of them asked about me. I lost two stone. I stopped seeing my friends. I'd sit "
            "in the car on the drive for ten minutes before going back in, just to have a bit of quiet.\n\n"
            "Then a nurse from the memory service came to do a review. At the end, with her coat already on, "
            "she turned round and said, 'And how are you doing?' I'm seventy-one years old and I cried in my "
            "own hallway.\n\n"
            "She got me a carer's assessment. I have a sitter on Thursday afternoons now and I go to a carers' "
            "group. It's not a cure. But I'm a person again, not just the man who does the tablets.\n\n"
            "Please ask the carer. Ask them properly, and wait for the answer."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 59,
    },
    {
        "key": "demo-14-washed-by-a-stranger",
        "title": "Being washed by a stranger",
        "body": (
            "I'm thirty-four and I have cerebral palsy. I need help to shower. When my care started I told "
            "Larkspur Homecare, twice, on the phone and on the form, that I only wanted women to do my "
            "personal care.\n\n"
            "The first Monday a man I'd never met turned up at half seven in the morning. His name was Darren "
            "and he said they were short. He was polite. He said, 'It's fine, I've done this loads of times.' "
            "It wasn't fine. I said no, and then I sat in my dressing gown all day without a wash because "
            "nobody else could come.\n\n"
            "I rang the office and the woman said, 'Well, you did turn him away.' As if I was the one being "
            "difficult.\n\n"
            "I want to be fair. After I complained, the manager came out to see me herself. She apologised "
            "properly. She put it on the front of my care plan in red, and it hasn't happened since. Now I've "
            "got Yvonne and Abi, who know my routine.\n\n"
            "Choosing who sees me naked isn't a preference. It's a basic right, and it shouldn't take a "
            "complaint."
        ),
        "care_setting": "Care at home",
        "region": "London",
        "about_whom": "Me",
        "when_happened": "Last summer",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "approved",
        "scopes": ["training", "partners"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": (
            "I'm thirty-four and I have cerebral palsy. I need help to shower. When my care started I told "
            "[care agency], twice, on the phone and on the form, that I only wanted women to do my personal "
            "care.\n\n"
            "The first Monday a man I'd never met turned up at half seven in the morning. His name was [Person "
            "A] and he said they were short. He was polite. He said, 'It's fine, I've done this loads of "
            "times.' It wasn't fine. I said no, and then I sat in my dressing gown all day without a wash "
            "because nobody else could come.\n\n"
            "I rang the office and the woman said, 'Well, you did turn him away.' As if I was the one being "
            "difficult.\n\n"
            "I want to be fair. After I complained, the manager came out to see me herself. She apologised "
            "properly. She put it on the front of my care plan in red, and it hasn't happened since. Now I've "
            "got [Person B] and [Person C], who know my routine.\n\n"
            "Choosing who sees me naked isn't a preference. It's a basic right, and it shouldn't take a "
            "complaint."
        ),
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 183,
    },
    {
        "key": "demo-15-not-safe-at-home",
        "title": "I don't feel safe in my own house",
        "body": (
            "I don't know if this is the right place to write this but I don't know who else to tell.\n\n"
            "My son's partner Kerry-Ann moved in with us in the summer. My son works away a lot. Since then "
            "she has had my bank card. She said it was easier if she did the shopping, but there's money going "
            "out that isn't shopping. When I asked her about it she shouted at me and said I was a confused "
            "old woman and nobody would believe me.\n\n"
            "She shouts at me most days now. Last week she took the phone off me when my friend rang. She "
            "tells the carers I'm asleep when they come, so they only stop a minute.\n\n"
            "I am frightened to be on my own in the house with her. I haven't told my son because I don't want "
            "to cause trouble for him.\n\n"
            "I'm not confused. I'm eighty-one and I know what day it is. I would just like somebody to help "
            "me, please."
        ),
        "care_setting": "Care at home",
        "region": "West Midlands",
        "about_whom": "Me",
        "when_happened": "It's still happening",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "submitted",
        "scopes": ["training"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": True,
        "days_ago": 1,
    },
    {
        "key": "demo-16-call-back-monday",
        "title": "Call back on Monday",
        "body": (
            "Two years ago I was in a really bad way. I hadn't slept properly for a week, I wasn't eating, and "
            "my thoughts were racing so fast they scared me. I'd been under the community mental health team "
            "for a while, so I rang them.\n\n"
            "It was a Friday afternoon. The woman on the phone said my care coordinator was on leave and could "
            "I call back on Monday. I said I didn't think I could wait till Monday. She said if it was an "
            "emergency I should go to A&E. I didn't feel like an emergency. I felt like someone drowning very "
            "slowly.\n\n"
            "What got me through that weekend was my neighbour, who noticed my curtains hadn't been opened and "
            "knocked. She sat with me, made me beans on toast and rang the crisis line for me.\n\n"
            "I'm doing much better now. I've got a new care coordinator who gives me her direct number, and "
            "the name of someone to ring if she's off.\n\n"
            "I'm not writing this to get anyone into trouble. I just want the people who answer those phones "
            "to know that 'call back on Monday' can be a very long way away."
        ),
        "care_setting": "Community",
        "region": None,
        "about_whom": "Me",
        "when_happened": "Two years ago",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "submitted",
        "scopes": ["training", "research"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 4,
    },
    {
        "key": "demo-17-bed-at-seven",
        "title": "Bed at seven o'clock",
        "body": (
            "I've always been a night owl. Forty years I worked nights at the bakery. I'd have my tea at "
            "midnight and go to bed when it got light.\n\n"
            "Now I'm in a home and they start getting people ready for bed at seven o'clock. Seven! It's still "
            "light in the summer. They come round and say, 'Come on, Pat, let's get you settled.' And I go, "
            "because I don't want to make a fuss and I know they've got a lot of us to do.\n\n"
            "Then I lie there awake till one in the morning looking at the ceiling.\n\n"
            "I asked once if I could stay up for the late film. The girl said she'd ask, but the night staff "
            "can't help people to bed because there's only two of them. So that was that.\n\n"
            "I'm not asking for a party. I'm asking to choose my own bedtime, like I did for eighty years.\n\n"
            "My niece helped me write this down."
        ),
        "care_setting": "Care home",
        "region": "North East",
        "about_whom": "Me",
        "when_happened": "Every night",
        "author": "demo-supporter",
        "contributor_name": "Pat",
        "consent_method": "verbal",
        "status": "submitted",
        "scopes": ["training", "partners"],
        "attribution": "chosen_name",
        "attribution_name": "Pat",
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 9,
    },
    {
        "key": "demo-18-key-safe",
        "title": "Who has Gran's key?",
        "body": (
            "My gran has a key safe by her front door so the carers can get in. She's very deaf and she can't "
            "always get to the door in time.\n\n"
            "Her key safe number was written on a bit of paper in the care folder, which lives on the kitchen "
            "table where anyone coming in can see it: the window cleaner, the man who reads the meter, anyone. "
            "I mentioned it to a carer and she just shrugged.\n\n"
            "Then one Saturday a carer none of us had ever seen let herself in at eleven at night. Gran woke "
            "up to a stranger in her bedroom. The carer had been sent to the wrong address. She was meant to "
            "be two streets away, but someone had given her Gran's code by mistake.\n\n"
            "I emailed the office at rota.office@example.com that night and didn't hear back for nine days.\n\n"
            "Gran sleeps with the landing light on now and asks me every evening if the door's locked. She "
            "used to love her carers. Now she's wary of all of them, even the good ones.\n\n"
            "Trust is the one thing you can't put on a rota. Once it's gone, it takes a long time to come "
            "back."
        ),
        "care_setting": "Care at home",
        "region": "South West",
        "about_whom": "My gran",
        "when_happened": "This spring",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "submitted",
        "scopes": ["training", "partners"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 6,
    },
    {
        "key": "demo-19-thursdays-at-the-centre",
        "title": "Thursdays at the centre",
        "body": (
            "My grandad stopped going out after my granny died. He'd sit in his chair with the radio on and "
            "say he was grand, which in our family means the opposite.\n\n"
            "His GP suggested the day centre and he said he wasn't going to sit in a room full of old people "
            "doing jigsaws. He's eighty-nine.\n\n"
            "The first Thursday I practically had to carry him to the minibus. When I picked him up that "
            "afternoon he was arguing with another man about football, and he was smiling.\n\n"
            "What they did well was find out who he was. The staff asked him what he used to do. He was a "
            "joiner, so now he helps fix the chairs, and he's made bird boxes for the garden. There's a "
            "volunteer who plays draughts with him and lets him win sometimes, or so he claims.\n\n"
            "He has a reason to shave on a Wednesday night now. He gets his good shirt ironed.\n\n"
            "I know day centres are being cut in a lot of places. I want people to know what this one gave us. "
            "It gave us our grandad back."
        ),
        "care_setting": "Day service",
        "region": "Northern Ireland",
        "about_whom": "My grandad",
        "when_happened": "Since last year",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "submitted",
        "scopes": ["training", "partners", "public", "quotes"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 12,
    },
    {
        "key": "demo-20-eleven-months",
        "title": "Eleven months for an assessment",
        "body": (
            "My son Callum is nineteen and autistic. When he left school all his support stopped at once, like "
            "falling off a cliff. We asked Marrowfield Council for an adult social care assessment in the "
            "September.\n\n"
            "We waited. I rang every fortnight. Each time I was told he was on the list. In the June a social "
            "worker, Mr Pritchard, finally came out. He was lovely with Callum. He let him show off his train "
            "timetables for twenty minutes before asking a single question. He gave me his mobile, 07700 "
            "900461, and said to ring him if anything changed.\n\n"
            "But by then Callum hadn't left the house in months. He'd lost all the confidence he got at "
            "college. Eleven months is a long time when you're nineteen and everything is changing.\n\n"
            "He goes to a group on Tuesdays now and he's starting to come back to himself. I'm grateful for "
            "that. I just keep thinking about the months we lost, sitting by the phone."
        ),
        "care_setting": "Community",
        "region": "East Midlands",
        "about_whom": "My son",
        "when_happened": "2024",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "in_review",
        "scopes": ["training", "research"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 18,
    },
    {
        "key": "demo-21-no-interpreter",
        "title": "Nobody booked an interpreter",
        "body": (
            "I am Deaf. BSL is my first language. English is my second language.\n\n"
            "Last year I was in hospital for four days. I told them at the front desk I needed a BSL "
            "interpreter. I wrote it on paper. They said yes. Nobody came.\n\n"
            "The doctors talked to me with masks on. I could not lip-read. One nurse wrote notes for me, which "
            "was kind, but the notes were very short. 'Scan later.' 'Nil by mouth.' I did not know what scan, "
            "or why. I was frightened the whole time.\n\n"
            "On day three an interpreter came for one hour. In that hour I understood more than in three days. "
            "I asked many questions. The doctor was surprised I had so many. But I had been saving them up.\n\n"
            "Please book the interpreter. Before, not after. And put it in the notes so the next shift knows.\n\n"
            "I told this story in BSL and my support worker wrote it in English. We checked it together."
        ),
        "care_setting": "Hospital",
        "region": "Wales",
        "about_whom": "Me",
        "when_happened": "Last year",
        "author": "demo-supporter",
        "contributor_name": "Siân",
        "consent_method": "bsl_or_other_language",
        "status": "in_review",
        "scopes": ["training", "partners"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 15,
    },
    {
        "key": "demo-22-choosing-a-home",
        "title": "Choosing a home for Mum",
        "body": (
            "Choosing a care home for Mum was the hardest thing I've ever done. We looked at six. Some smelled "
            "of cabbage and bleach and had the telly on full blast with nobody watching it.\n\n"
            "Willowbank Care Home felt different from the door. The manager made us a coffee and asked Mum, "
            "not me, what she liked to do. Mum said gardening, and the next week there were two raised beds "
            "outside her window with her name on.\n\n"
            "The first month was hard. Mum kept packing her bag to go home. The staff never told her she "
            "couldn't. They'd say, 'Let's have a cup of tea first,' and walk round the garden with her till "
            "she forgot about the bag.\n\n"
            "The lady in the next room, Mrs Kowalczyk, has been very poorly with her kidneys and has had a lot "
            "of falls, and her family hardly ever visit, which I think is a shame. Mum sits with her in the "
            "afternoons.\n\n"
            "I wish someone had told me at the start that it's all right to feel guilty and relieved at the "
            "same time. I felt both for months."
        ),
        "care_setting": "Care home",
        "region": "South West",
        "about_whom": "My mum",
        "when_happened": "Last autumn",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "changes_requested",
        "scopes": ["training", "partners"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": (
            "Thank you for this. It's a lovely, honest story and we'd like to use it. There's one thing to "
            "change first: could you take out the details about the lady in the next room? Her health and her "
            "family are hers to share, and she hasn't been asked. You're welcome to keep that your mum sits "
            "with a neighbour in the afternoons. Everything else can stay just as it is."
        ),
        "safeguarding": False,
        "days_ago": 44,
    },
    {
        "key": "demo-23-reablement-goodbye",
        "title": "Six weeks, then nothing",
        "body": (
            "After Dad's hip operation he came home with six weeks of reablement. The idea is they help you "
            "get back on your feet and then step back.\n\n"
            "Some of the team were brilliant. One lad had Dad walking to the end of the garden by the second "
            "week, chatting to him about cricket the whole way so Dad forgot to be scared.\n\n"
            "But there were a lot of different faces, and nobody seemed to talk to each other. Dad would be "
            "told one thing on the Monday and the opposite on the Tuesday. Then there was the business with "
            "his tablets, which I won't go into, but it was a worry and it shouldn't have happened.\n\n"
            "By week six Dad was doing well, and then it just stopped. Nobody came, no goodbye, no phone call. "
            "He'd got used to those faces and then they were gone. He was low for a fortnight after.\n\n"
            "If you're stepping back from someone, please tell them properly. Say well done. Say goodbye."
        ),
        "care_setting": "Care at home",
        "region": "East of England",
        "about_whom": "My dad",
        "when_happened": "A few months ago",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "changes_requested",
        "scopes": ["training"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": (
            "Thank you for writing about your dad's reablement. What you say about saying goodbye properly is "
            "something staff really need to hear. Could you tell us a little more about what happened with his "
            "tablets? You say it was a worry, and a sentence or two about it (without anyone's names) would "
            "help staff understand what went wrong. If you'd rather not, just tell us and we'll go ahead "
            "without it."
        ),
        "safeguarding": False,
        "days_ago": 31,
    },
    {
        "key": "demo-24-our-shelley",
        "title": "Our Shelley",
        "body": (
            "I want to tell you about Shelley Barraclough, who has been Mum's carer for three years with "
            "Larkspur Homecare. Everybody on Moorside Road knows Shelley. She drives the little red Fiesta "
            "with the dent in the back.\n\n"
            "Shelley is a single mum with twin boys, Jayden and Mason, and she's had a hard time since her "
            "divorce, but you'd never know it. She's had her own health problems too, with her back, and she "
            "still comes in smiling.\n\n"
            "Shelley is the only one Mum lets wash her hair. She knows Mum likes Radio 2 on and the biscuits "
            "in the blue tin. When Mum was in hospital Shelley visited her on her day off. She's not supposed "
            "to, but she did.\n\n"
            "I've told the agency a hundred times she should be a manager. She should get an award. If anybody "
            "from Larkspur is reading this, give Shelley a pay rise!"
        ),
        "care_setting": "Care at home",
        "region": "North West",
        "about_whom": "My mum",
        "when_happened": "The last three years",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "declined",
        "scopes": ["training", "partners", "public"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": (
            "Thank you for sharing this. It's clear how much Shelley means to your mum and to you. We couldn't "
            "use it because nearly all of it is about Shelley herself, including her family and her health, "
            "and we couldn't take out enough detail to keep her anonymous without losing the story. If you'd "
            "like to, you could write about what good care feels like for your mum (the radio, the blue tin, "
            "someone who knows her) without the details of Shelley's own life. We'd be glad to read it. You "
            "might also send your thanks straight to the agency, where it can reach her."
        ),
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 118,
    },
    {
        "key": "demo-25-fall-legal-case",
        "title": "Mum's fall",
        "body": (
            "Mum had a fall at her care home in February and broke her hip. We weren't told until the next "
            "morning. We've since found out she'd been on the floor for some time before anyone found her.\n\n"
            "We have made a formal complaint and the home's insurers are involved. Our solicitor has asked for "
            "all the records and the case is going to court later this year. I can't say too much, but I think "
            "people need to know what happened, because I don't want it to happen to anyone else's mum.\n\n"
            "We were told she'd be checked every two hours at night. The records say she was. The records also "
            "say she was checked at a time when she was in the ambulance. I'll let people draw their own "
            "conclusions.\n\n"
            "Mum is in a different home now and she's settled. But she has never walked again."
        ),
        "care_setting": "Care home",
        "region": "London",
        "about_whom": "My mum",
        "when_happened": "This year",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "declined",
        "scopes": ["training"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": (
            "Thank you for trusting us with what happened to your mum, and we're so sorry. We can't use the "
            "story while the court case is still going on, because sharing it now could affect the case, and "
            "that wouldn't be fair to you or your mum. When the case has finished you're very welcome to send "
            "it again and we'll look at it afresh. If you'd like support in the meantime, reply here and a "
            "moderator will point you to advice services."
        ),
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 71,
    },
    {
        "key": "demo-26-a-week-off",
        "title": "A week to sleep",
        "body": (
            "Our son has profound learning disabilities and epilepsy. My husband and I care for him at home, "
            "and we love it, mostly. Once a year he goes for a week's respite so we can sleep.\n\n"
            "The first year we tried it, the staff hadn't read his seizure plan properly and we got a phone "
            "call on the second night. We came straight home from the coast. After that I didn't think I could "
            "ever let him go again.\n\n"
            "The year after, the manager invited us in three times before his stay. She asked us to write "
            "everything down: the way he tells you he's happy, the noise that means he's tired, the music that "
            "calms him. A worker spent an afternoon with us at home first.\n\n"
            "That week they sent us a photo every morning. Him in the garden. Him on the swings. Him asleep "
            "with his headphones on. I cried at every one.\n\n"
            "We slept. It's hard to explain to people how much that matters."
        ),
        "care_setting": "Care home",
        "region": "Yorkshire and the Humber",
        "about_whom": "My son",
        "when_happened": "Summer 2023",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "withdrawn",
        "scopes": ["training", "partners"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 241,
    },
    {
        "key": "demo-27-one-word-on-a-folder",
        "title": "One word on a folder",
        "body": (
            "I was diagnosed with bipolar disorder in my forties. I've got physical care needs as well, after "
            "a back injury, so I have carers twice a day.\n\n"
            "I asked for my diagnosis not to be written on the front of my care folder, because my "
            "grandchildren are in and out of the house. The office said it had to be there for safety.\n\n"
            "Then one morning a carer I didn't know well said, 'Oh, you don't seem bipolar.' Like it was a "
            "compliment. Another one asked if I was 'on the happy tablets today'. I don't think they were "
            "being cruel. They just didn't know anything about it.\n\n"
            "I felt like my whole self had shrunk down to one word on a folder.\n\n"
            "What I'd have liked is for the agency to ask me what they needed to know, and how I wanted it "
            "written down. I know myself. I've lived with this a long time."
        ),
        "care_setting": "Care at home",
        "region": "Scotland",
        "about_whom": "Me",
        "when_happened": "Last year",
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "withdrawn",
        "scopes": ["training"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 312,
    },
    {
        "key": "demo-28-the-hoist",
        "title": "The hoist",
        "body": (
            "My partner has been in a care home since his second stroke. He needs the hoist to get in and out "
            "of bed.\n\n"
            "Some of the staff are so good with it. They tell him what they're going to do before they do it. "
            "They put a blanket over his knees so he's not on show to the corridor. They talk to him, not over "
            "him.\n\n"
            "Others just get on with it. Click, up he goes, and he's dangling there in his nightshirt with the "
            "door wide open while they chat about their weekend. He hates it. He can't say so any more, but I "
            "can see it in his face.\n\n"
            "I don't know how to end this yet. I suppose what I want to say is"
        ),
        "care_setting": "Care home",
        "region": "Wales",
        "about_whom": "My partner",
        "when_happened": None,
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "draft",
        "scopes": ["training"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 3,
    },
    {
        "key": "demo-29-being-the-boss",
        "title": "Being the boss",
        "body": (
            "I've had direct payments for four years now. It means the council gives me the money for my care "
            "and I employ my own personal assistants. I'm the boss, basically, which my mum finds hilarious.\n\n"
            "It's a lot of paperwork. Payroll, holiday pay, insurance, all of it. The first year I nearly gave "
            "up. But I wouldn't go back.\n\n"
            "Before, the agency sent whoever they had, whenever they could. I'd be got up at ten past six on a "
            "Saturday because that was when the carer was free. Now I choose who works with me. One of my PAs "
            "is twenty-six like me and supports the same football team, and when he helps me get ready for a "
            "night out it doesn't feel like care. It feels like getting ready with a mate.\n\n"
            "What worries me now is money. The council hasn't put my rate up in two years and I can't pay my "
            "PAs what they're worth. He's told me he might have to go and work at the supermarket because it "
            "pays more.\n\n"
            "If I lose him, I don't just lose a PA. I lose the part of my life where I get to be twenty-six."
        ),
        "care_setting": None,
        "region": "North East",
        "about_whom": "Me",
        "when_happened": None,
        "author": "demo-contributor",
        "contributor_name": None,
        "consent_method": "self",
        "status": "draft",
        "scopes": ["training", "partners", "public"],
        "attribution": "anonymous",
        "attribution_name": None,
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 22,
    },
    {
        "key": "demo-30-my-hair",
        "title": "It is not only hair",
        "body": (
            "My name is Rosie. I am fifty. I live in supported living.\n\n"
            "My hair is very important to me. My mum always did my hair on a Sunday night, with the oil and "
            "the wide comb, and plaits for the week. My mum died three years ago.\n\n"
            "When I moved here, the staff did not know how to do my hair. They used the same shampoo as "
            "everyone. They brushed it with a hairbrush when it was dry. It hurt and it broke. I cried. One of "
            "them said, 'It's only hair, Rosie.'\n\n"
            "It is not only hair.\n\n"
            "Now there is a new worker. Her family is from Jamaica like my mum's family. She showed the other "
            "staff. She made a picture card of my hair things. On Sunday nights we do my plaits and we put my "
            "mum's music on.\n\n"
            "I want all staff to learn. Black hair is not hard. You just have to ask."
        ),
        "care_setting": "Supported living",
        "region": None,
        "about_whom": "Me",
        "when_happened": "Since I moved in",
        "author": "demo-supporter",
        "contributor_name": "Rosie",
        "consent_method": "signed_paper",
        "status": "draft",
        "scopes": ["training", "partners"],
        "attribution": "first_name",
        "attribution_name": "Rosie",
        "moderated_body": None,
        "decline_reason": None,
        "changes_message": None,
        "safeguarding": False,
        "days_ago": 2,
    },
]
