"""lib/textfile.py: what a text file someone hands us may and may not be."""

import os

import pytest

from lib.textfile import InputError, decode_text, read_text_file


def test_a_bom_is_dropped_unless_kept():
    data = b"\xef\xbb\xbf# A\n"
    assert decode_text(data, "a.md") == "# A\n"
    assert decode_text(data, "a.md", keep_bom=True) == "\ufeff# A\n"


def test_invalid_utf8_names_its_line():
    with pytest.raises(InputError, match=r"a.md:2: is not valid UTF-8"):
        decode_text(b"# A\n\xff\n", "a.md")


def test_a_fifo_is_refused_without_reading_it(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is not a regular file"):
        read_text_file(fifo, max_bytes=100)


def test_never_more_than_the_limit_is_kept(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputError, match="over the limit of 100"):
        read_text_file(path, max_bytes=100)
