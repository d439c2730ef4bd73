"""Writes a benchmark's section into a document, between its start and end markers (the section carries both), or
at the end when the document has no such section yet."""


def write_section(path, start, end, section):
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    if start in doc and end in doc:
        doc = doc[:doc.index(start)] + section + doc[doc.index(end) + len(end):]
    else:
        doc = doc.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)
