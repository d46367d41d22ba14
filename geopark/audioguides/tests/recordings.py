"""Real, tiny recordings made here (no encoder is needed, none is installed): MPEG-1 Layer III
frames of silence, and an Ogg Opus stream of silent frames written with mutagen's own Ogg pages.
Browsers play both; mutagen reads their duration."""

from __future__ import annotations

import struct

from mutagen.ogg import OggPage

# MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono, no CRC: 417-byte frames of 1152 samples. A frame
# whose side information is all zero holds no sound.
_MP3_FRAME = bytes([0xFF, 0xFB, 0x90, 0xC0]) + bytes(413)


def mp3(seconds: float = 3) -> bytes:
    return _MP3_FRAME * round(seconds * 44100 / 1152)


def opus(seconds: float = 3) -> bytes:
    """Ogg Opus: the identification and comment headers, then 20 ms silent frames (TOC 0xF8)."""
    pre_skip = 312
    packets = [
        (b"OpusHead" + struct.pack("<BBHIhB", 1, 1, pre_skip, 48000, 0, 0), 0),
        (b"OpusTags" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0), 0),
    ]
    frames = round(seconds / 0.02)
    done = 0
    while done < frames:
        count = min(50, frames - done)
        done += count
        packets.append(([b"\xf8\xff\xfe"] * count, done * 960 + pre_skip))
    pages = []
    for sequence, (data, position) in enumerate(packets):
        page = OggPage()
        page.serial = 1
        page.sequence = sequence
        page.packets = data if isinstance(data, list) else [data]
        page.position = position
        page.first = sequence == 0
        page.last = sequence == len(packets) - 1
        pages.append(page.write())
    return b"".join(pages)
