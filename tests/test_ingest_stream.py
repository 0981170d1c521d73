"""stdin is read as a stream: JSONL articles come out before the stream ends."""
import io
import json

from pipeline.ingest import read_stream

from conftest import corpus_text


class EndlessJsonl(io.RawIOBase):
    """A byte stream of JSONL lines that never ends and counts the lines handed out."""

    def __init__(self, line: bytes):
        self.line, self.served, self.buffer = line, 0, b""

    def readable(self):
        return True

    def readinto(self, b):
        if not self.buffer:
            self.buffer = self.line
            self.served += 1
        n = min(len(b), len(self.buffer))
        b[:n] = self.buffer[:n]
        self.buffer = self.buffer[n:]
        return n


def test_stdin_jsonl_yields_articles_while_the_stream_is_still_open():
    line = (json.dumps({"id": "seed", "text": corpus_text("000_")}, ensure_ascii=False) + "\n").encode()
    stream = EndlessJsonl(line)
    docs = read_stream(io.BufferedReader(stream, buffer_size=4096))
    first_three = [next(docs) for _ in range(3)]
    assert [d.path for d in first_three] == ["<stdin>#seed"] * 3
    assert all(d.error is None and d.data == corpus_text("000_") for d in first_three)
    assert stream.served <= 5


def test_stdin_text_article_is_read_whole_with_its_bytes_unchanged():
    data = corpus_text("000_").encode("utf-8")
    (doc,) = read_stream(io.BytesIO(data))
    assert doc.data == data and doc.kind == "text"
