# English. Values are Telegram HTML: write &amp; &lt; &gt; for those characters.
# Variables arrive already escaped.

language-name = English
date-format = d MMM yyyy
undated = undated

## Commands: a one-line description for the command menu and the help text.
cmd-start = Start and see what the bot can do
cmd-start-help = /start — a short introduction. Links in answers open the cited passage here.
cmd-help = List the commands
cmd-help-help = /help — this list.
cmd-claims = Who claims what on a topic
cmd-claims-help = /claims <i>topic</i> — claims on a topic, best first, with who says them and where they were read. Example: /claims kursk
cmd-sources = Who is cited on a topic
cmd-sources-help = /sources <i>topic</i> — the sources cited on a topic and how many claims each backs. Example: /sources desertion
cmd-article = Show an article's paragraph
cmd-article-help = /article <i>id</i> [<i>paragraph</i>] — title, outlet, date and a paragraph of an article; buttons turn the paragraphs.
cmd-topics = What the corpus covers
cmd-topics-help = /topics — the people, places and organisations the corpus mentions most.
cmd-language = Choose the language
cmd-language-help = /language — answer in German or English.
cmd-status = Corpus and bot status (admins)
cmd-status-help = /status — corpus size, session storage and uptime (admins only).

welcome =
    <b>claimdesk</b> finds who claimed what in the newsroom's articles.
    Try /claims kursk or /sources desertion, or type @{ $bot } kursk in any chat.
help-header = <b>Commands</b>
help-inline = Inline: type @{ $bot } <i>topic</i> in any chat to share a claim with its citation.

ask-topic-claims = Which topic? Send it as your next message (e.g. <i>kursk</i>).
ask-topic-sources = Which topic should I look up sources for? Send it as your next message.
topic-placeholder = topic, e.g. kursk

claims-header = <b>Claims on “{ $topic }”</b> ({ $total })
sources-header = <b>Sources on “{ $topic }”</b> ({ $total })
no-claims = No claims on “{ $topic }” in the corpus.
no-sources = No named sources on “{ $topic }” in the corpus.
suggest-topics = Topics the corpus covers: { $topics }
nothing-ingested = The corpus is empty: nothing has been ingested yet.

claim-hedged = ⚠️ unconfirmed
claim-denial = ⛔ denial
claim-unattributed = no source named
claim-more-citations = … and { $count } more
source-backs = { $count ->
    [one] backs 1 claim
   *[other] backs { $count } claims
}

article-usage = Send /article <i>id</i>, e.g. from a citation link. Recent articles: { $ids }
article-not-found = No article “{ $id }” in the corpus.
paragraph-not-found = Article “{ $id }” has { $count } paragraphs; there is no paragraph { $paragraph }.
article-paragraph = Paragraph { $paragraph } of { $count }
article-no-title = (untitled)

topics-header = <b>What the corpus covers</b>
topics-people = People
topics-places = Places
topics-organisations = Organisations
topics-empty = The corpus names no people, places or organisations yet.

language-choose = Choose the language:
language-set = I will answer in English from now on.

access-denied = This bot serves a newsroom's private corpus and is not open to you. Ask an editor to add your user id <code>{ $id }</code>.
access-denied-group = This group may not use this bot. Ask an editor to add the group id <code>{ $id }</code>. Leaving.
inline-no-access = No access — tap for details
admin-only = Only admins may use this command.

stale-answer = This answer is stale. Send the command again for fresh results.
rate-limited = Too many requests — please wait a few seconds.
error-apology = Sorry, something went wrong. Reference: <code>{ $ref }</code>

inline-no-results = No claims on “{ $topic }” — open the bot
inline-empty-corpus = The corpus is empty

group-hello = Hello! Ask me with /claims@{ $bot } <i>topic</i> or /sources@{ $bot } <i>topic</i>.
private-hint = Send /claims <i>topic</i>, /sources <i>topic</i> or /help.

status =
    <b>Status</b>
    Articles: { $articles }
    Claims: { $claims }
    Sessions: { $sessions }
    Uptime: { $uptime }
status-sessions-ok = { $backend }, working
status-sessions-degraded = { $backend }, unavailable (answers continue without sessions)

## ---- New-claim alerts (src/alerts, commands/subscribe|unsubscribe|subscriptions|quiet) ----
cmd-subscribe = Alerts on new claims about a topic
cmd-subscribe-help = /subscribe <i>topic</i> [daily <i>HH:MM</i>] — be told when new claims on a topic arrive: at once, or in a daily digest. Example: /subscribe kursk daily 08:00
cmd-unsubscribe = Stop alerts on a topic
cmd-unsubscribe-help = /unsubscribe <i>topic</i> — stop alerts on a topic; /unsubscribe all stops every one.
cmd-subscriptions = The topics this chat follows
cmd-subscriptions-help = /subscriptions — the topics this chat gets alerts on, with a button to remove each.
cmd-quiet = Quiet hours for alerts
cmd-quiet-help = /quiet 22-07 — instant alerts wait until quiet hours are over; /quiet off ends them.

alerts-usage-subscribe = Which topic? For example /subscribe kursk, or /subscribe kursk daily 08:00 for a daily digest. A time zone may follow the time (default Europe/Berlin).
alerts-usage-unsubscribe = Which topic? For example /unsubscribe kursk, or /unsubscribe all.
alerts-usage-quiet = For example /quiet 22-07 (instant alerts wait from 22:00 until 07:00), /quiet 22-07 Europe/London, or /quiet off.
alerts-bad-time = “{ $value }” is not a time of day: write HH:MM, e.g. 08:00.
alerts-bad-time-zone = “{ $value }” is not a time zone: write a name like Europe/Berlin or America/New_York.
alerts-admins-only = Only this group's administrators can change its alerts.
alerts-subscribed = 🔔 This chat now gets an alert as soon as new claims on { $topic } arrive.
alerts-subscribed-daily = 🗞 This chat now gets a daily digest of new claims on { $topic } at { $time } ({ $zone }).
alerts-already = This chat already follows { $topic } that way.
alerts-existing = { $count ->
    [0] No claim in the corpus matches it yet.
    [one] 1 claim in the corpus already matches: /claims { $topic }
   *[other] { $count } claims in the corpus already match: /claims { $topic }
}
alerts-limit = This chat follows { $limit } topics, the most it can. Remove one first: /subscriptions
alerts-empty-topic = “{ $topic }” has nothing to search for. Try a name, a place or a word.
alerts-unsubscribed = Alerts on { $topics } are off.
alerts-unsubscribed-none = This chat does not follow “{ $topic }”. /subscriptions lists what it follows.
alerts-list-header = <b>Alerts in this chat</b>
alerts-list-empty = This chat follows no topics. Start with /subscribe <i>topic</i>.
alerts-list-instant = { $topic } — at once
alerts-list-daily = { $topic } — daily at { $time }
alerts-list-settings = Time zone: { $zone } · Quiet hours: { $quiet }
alerts-quiet-none = none
alerts-paused = ⚠️ Alerts were paused because Telegram would not deliver them here ({ $reason }). They are on again.
alerts-removed = Removed “{ $topic }”.
alerts-quiet-set = 🌙 Quiet hours { $from }–{ $until } ({ $zone }): instant alerts wait until { $until }.
alerts-quiet-off = Quiet hours are off: instant alerts come at any time.
alerts-quiet-show = Quiet hours: { $quiet }. Set them with /quiet 22-07, end them with /quiet off.
alerts-new = { $count ->
    [one] 🔔 <b>New claim</b> on { $topics }
   *[other] 🔔 <b>{ $count } new claims</b> on { $topics }
}
alerts-digest = { $count ->
    [one] 🗞 <b>Daily digest</b>: 1 new claim on { $topics }
   *[other] 🗞 <b>Daily digest</b>: { $count } new claims on { $topics }
}
alerts-also-reported = ↪️ Also reported by <b>{ $outlet }</b>: { $claim }
alerts-upload-admins-only = Only admins can add articles.
alerts-upload-not-text = Articles are added as .txt files.
alerts-upload-too-large = That file is too large for an article (at most { $max } MB).
alerts-upload-skipped = “{ $file }” was not added: { $reason }.
alerts-upload-done = { $status ->
    [added] Added
    [updated] Updated
   *[other] Unchanged
} “{ $file }”: { $claims } claims, { $fresh } of them new. Chats following their topics are alerted.
