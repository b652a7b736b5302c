import email, imaplib, os
from email.header import decode_header

with imaplib.IMAP4_SSL(os.environ["IMAP_HOST"]) as imap:
    imap.login(os.environ["IMAP_USER"], os.environ["IMAP_PASSWORD"])
    imap.select("INBOX", readonly=True)
    _, ids = imap.search(None, "UNSEEN")
    for number in ids[0].split()[-20:]:
        _, data = imap.fetch(number, "(BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])")
        message = email.message_from_bytes(data[0][1])
        subject, encoding = decode_header(message["Subject"] or "")[0]
        if isinstance(subject, bytes):
            subject = subject.decode(encoding or "utf-8", "replace")
        print(f"{message['From']}: {subject}")
