# Deutsch. Werte sind Telegram-HTML: &amp; &lt; &gt; für diese Zeichen schreiben.
# Variablen kommen bereits escaped an.

language-name = Deutsch
date-format = d. MMM yyyy
undated = ohne Datum

## Befehle: eine Zeile für das Befehlsmenü und der Hilfetext.
cmd-start = Start und Überblick
cmd-start-help = /start — eine kurze Einführung. Links in den Antworten öffnen die zitierte Stelle hier.
cmd-help = Befehle anzeigen
cmd-help-help = /help — diese Liste.
cmd-claims = Wer behauptet was zu einem Thema
cmd-claims-help = /claims <i>Thema</i> — Aussagen zu einem Thema, die besten zuerst, mit Quelle und Fundstelle. Beispiel: /claims kursk
cmd-sources = Wer zu einem Thema zitiert wird
cmd-sources-help = /sources <i>Thema</i> — die zu einem Thema zitierten Quellen und wie viele Aussagen jede stützt. Beispiel: /sources Fahnenflucht
cmd-article = Absatz eines Artikels zeigen
cmd-article-help = /article <i>ID</i> [<i>Absatz</i>] — Titel, Medium, Datum und ein Absatz eines Artikels; mit den Knöpfen blättern.
cmd-topics = Was der Bestand abdeckt
cmd-topics-help = /topics — die Personen, Orte und Organisationen, die der Bestand am häufigsten nennt.
cmd-language = Sprache wählen
cmd-language-help = /language — Antworten auf Deutsch oder Englisch.
cmd-status = Zustand von Bestand und Bot (Admins)
cmd-status-help = /status — Größe des Bestands, Sitzungsspeicher und Laufzeit (nur Admins).

welcome =
    <b>claimdesk</b> findet, wer in den Artikeln der Redaktion was behauptet.
    Probieren Sie /claims kursk oder /sources Fahnenflucht, oder tippen Sie @{ $bot } kursk in einem beliebigen Chat.
help-header = <b>Befehle</b>
help-inline = Inline: @{ $bot } <i>Thema</i> in einem beliebigen Chat teilt eine Aussage samt Fundstelle.

ask-topic-claims = Zu welchem Thema? Schicken Sie es als nächste Nachricht (z. B. <i>kursk</i>).
ask-topic-sources = Zu welchem Thema soll ich die Quellen suchen? Schicken Sie es als nächste Nachricht.
topic-placeholder = Thema, z. B. kursk

claims-header = <b>Aussagen zu „{ $topic }“</b> ({ $total })
sources-header = <b>Quellen zu „{ $topic }“</b> ({ $total })
no-claims = Keine Aussagen zu „{ $topic }“ im Bestand.
no-sources = Keine genannten Quellen zu „{ $topic }“ im Bestand.
suggest-topics = Themen im Bestand: { $topics }
nothing-ingested = Der Bestand ist leer: es wurde noch nichts eingelesen.

claim-hedged = ⚠️ unbestätigt
claim-denial = ⛔ Dementi
claim-unattributed = keine Quelle genannt
claim-more-citations = … und { $count } weitere
source-backs = { $count ->
    [one] stützt 1 Aussage
   *[other] stützt { $count } Aussagen
}

article-usage = Schicken Sie /article <i>ID</i>, etwa aus einem Fundstellen-Link. Neueste Artikel: { $ids }
article-not-found = Kein Artikel „{ $id }“ im Bestand.
paragraph-not-found = Artikel „{ $id }“ hat { $count } Absätze; einen Absatz { $paragraph } gibt es nicht.
article-paragraph = Absatz { $paragraph } von { $count }
article-no-title = (ohne Titel)

topics-header = <b>Was der Bestand abdeckt</b>
topics-people = Personen
topics-places = Orte
topics-organisations = Organisationen
topics-empty = Der Bestand nennt noch keine Personen, Orte oder Organisationen.

language-choose = Sprache wählen:
language-set = Ich antworte ab jetzt auf Deutsch.

access-denied = Dieser Bot erschließt den internen Bestand einer Redaktion und steht Ihnen nicht offen. Bitten Sie die Redaktion, Ihre Nutzer-ID <code>{ $id }</code> freizuschalten.
access-denied-group = Diese Gruppe darf den Bot nicht nutzen. Bitten Sie die Redaktion, die Gruppen-ID <code>{ $id }</code> freizuschalten. Ich verlasse die Gruppe.
inline-no-access = Kein Zugang — für Details tippen
admin-only = Nur Admins dürfen diesen Befehl nutzen.

stale-answer = Diese Antwort ist veraltet. Schicken Sie den Befehl erneut für frische Ergebnisse.
rate-limited = Zu viele Anfragen — bitte einige Sekunden warten.
error-apology = Entschuldigung, da ist etwas schiefgegangen. Referenz: <code>{ $ref }</code>

inline-no-results = Keine Aussagen zu „{ $topic }“ — Bot öffnen
inline-empty-corpus = Der Bestand ist leer

group-hello = Hallo! Fragen Sie mich mit /claims@{ $bot } <i>Thema</i> oder /sources@{ $bot } <i>Thema</i>.
private-hint = Schicken Sie /claims <i>Thema</i>, /sources <i>Thema</i> oder /help.

status =
    <b>Status</b>
    Artikel: { $articles }
    Aussagen: { $claims }
    Sitzungen: { $sessions }
    Laufzeit: { $uptime }
status-sessions-ok = { $backend }, in Betrieb
status-sessions-degraded = { $backend }, nicht erreichbar (Antworten laufen ohne Sitzungen weiter)

## ---- Benachrichtigungen über neue Aussagen (src/alerts, commands/subscribe|unsubscribe|subscriptions|quiet) ----
cmd-subscribe = Benachrichtigung bei neuen Aussagen zu einem Thema
cmd-subscribe-help = /subscribe <i>Thema</i> [täglich <i>HH:MM</i>] — Nachricht, sobald neue Aussagen zu einem Thema eintreffen: sofort oder als tägliche Übersicht. Beispiel: /subscribe Kursk täglich 08:00
cmd-unsubscribe = Benachrichtigungen zu einem Thema beenden
cmd-unsubscribe-help = /unsubscribe <i>Thema</i> — Benachrichtigungen zu einem Thema beenden; /unsubscribe alle beendet alle.
cmd-subscriptions = Die Themen, denen dieser Chat folgt
cmd-subscriptions-help = /subscriptions — die Themen dieses Chats, mit einer Schaltfläche zum Entfernen.
cmd-quiet = Ruhezeiten für Benachrichtigungen
cmd-quiet-help = /quiet 22-07 — sofortige Benachrichtigungen warten das Ende der Ruhezeit ab; /quiet aus beendet sie.

alerts-usage-subscribe = Welches Thema? Zum Beispiel /subscribe Kursk, oder /subscribe Kursk täglich 08:00 für eine tägliche Übersicht. Nach der Uhrzeit kann eine Zeitzone folgen (sonst Europe/Berlin).
alerts-usage-unsubscribe = Welches Thema? Zum Beispiel /unsubscribe Kursk, oder /unsubscribe alle.
alerts-usage-quiet = Zum Beispiel /quiet 22-07 (sofortige Benachrichtigungen warten von 22:00 bis 07:00), /quiet 22-07 Europe/London, oder /quiet aus.
alerts-bad-time = „{ $value }“ ist keine Uhrzeit: bitte HH:MM, z. B. 08:00.
alerts-bad-time-zone = „{ $value }“ ist keine Zeitzone: bitte einen Namen wie Europe/Berlin oder America/New_York.
alerts-admins-only = Nur die Admins dieser Gruppe können ihre Benachrichtigungen ändern.
alerts-subscribed = 🔔 Dieser Chat wird benachrichtigt, sobald neue Aussagen zu { $topic } eintreffen.
alerts-subscribed-daily = 🗞 Dieser Chat bekommt täglich um { $time } ({ $zone }) eine Übersicht der neuen Aussagen zu { $topic }.
alerts-already = Dieser Chat folgt { $topic } bereits so.
alerts-existing = { $count ->
    [0] Noch passt keine Aussage im Bestand.
    [one] 1 Aussage im Bestand passt schon: /claims { $topic }
   *[other] { $count } Aussagen im Bestand passen schon: /claims { $topic }
}
alerts-limit = Dieser Chat folgt { $limit } Themen, mehr geht nicht. Bitte erst eines entfernen: /subscriptions
alerts-empty-topic = In „{ $topic }“ ist nichts, wonach sich suchen ließe. Versuchen Sie einen Namen, einen Ort oder ein Wort.
alerts-unsubscribed = Benachrichtigungen zu { $topics } sind aus.
alerts-unsubscribed-none = Dieser Chat folgt „{ $topic }“ nicht. /subscriptions zeigt, welchen Themen er folgt.
alerts-list-header = <b>Benachrichtigungen in diesem Chat</b>
alerts-list-empty = Dieser Chat folgt keinem Thema. Los geht es mit /subscribe <i>Thema</i>.
alerts-list-instant = { $topic } — sofort
alerts-list-daily = { $topic } — täglich um { $time }
alerts-list-settings = Zeitzone: { $zone } · Ruhezeit: { $quiet }
alerts-quiet-none = keine
alerts-paused = ⚠️ Die Benachrichtigungen waren angehalten, weil Telegram sie hier nicht zustellte ({ $reason }). Sie laufen wieder.
alerts-removed = „{ $topic }“ entfernt.
alerts-quiet-set = 🌙 Ruhezeit { $from }–{ $until } ({ $zone }): sofortige Benachrichtigungen warten bis { $until }.
alerts-quiet-off = Keine Ruhezeit mehr: sofortige Benachrichtigungen kommen jederzeit.
alerts-quiet-show = Ruhezeit: { $quiet }. Festlegen mit /quiet 22-07, beenden mit /quiet aus.
alerts-new = { $count ->
    [one] 🔔 <b>Neue Aussage</b> zu { $topics }
   *[other] 🔔 <b>{ $count } neue Aussagen</b> zu { $topics }
}
alerts-digest = { $count ->
    [one] 🗞 <b>Tägliche Übersicht</b>: 1 neue Aussage zu { $topics }
   *[other] 🗞 <b>Tägliche Übersicht</b>: { $count } neue Aussagen zu { $topics }
}
alerts-also-reported = ↪️ Auch berichtet von <b>{ $outlet }</b>: { $claim }
alerts-upload-admins-only = Nur Admins können Artikel hinzufügen.
alerts-upload-not-text = Artikel werden als .txt-Dateien hinzugefügt.
alerts-upload-too-large = Diese Datei ist für einen Artikel zu groß (höchstens { $max } MB).
alerts-upload-skipped = „{ $file }“ wurde nicht aufgenommen: { $reason }.
alerts-upload-done = { $status ->
    [added] Aufgenommen:
    [updated] Aktualisiert:
   *[other] Unverändert:
} „{ $file }“ mit { $claims } Aussagen, davon { $fresh } neu. Chats, die ihren Themen folgen, werden benachrichtigt.
