#!/usr/bin/env python3
"""Render the demo portal's photographs procedurally, deterministically.

The demo portal (Bình Phước province) needs photographs for its tourism and
culture articles and its home page. This script paints them from fractal
noise, gradients and simple shapes (aerial perspective, haze, soft shadows,
depth-of-field blur, film grain), so that they read as photographs at phone
size. None is a photograph and none depicts a real place exactly.

Each JPEG (quality 85) carries a phone-like EXIF block with **fake GPS
coordinates** on purpose: the demo shows that mekong strips them.

    python3 -m venv /tmp/fixvenv
    /tmp/fixvenv/bin/pip install Pillow numpy piexif
    /tmp/fixvenv/bin/python tools/demo_photos.py            # all photos
    /tmp/fixvenv/bin/python tools/demo_photos.py hero lake   # some of them
    /tmp/fixvenv/bin/python tools/demo_photos.py --preview DIR  # also PNG previews

Every scene uses its own fixed seed; the same Pillow, numpy and piexif
versions give byte-identical files. Licence of the output: CC0 (see
static/images/LICENSE.md).
"""

import argparse
import io
import math
import sys
from pathlib import Path

import numpy as np
import piexif
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
W, H = 2400, 1600


# ---------------------------------------------------------------- toolkit

def rgb(hexstr):
    """'#rrggbb' -> float32 array in 0..1."""
    h = hexstr.lstrip("#")
    return np.array([int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)], np.float32)


def resize_f(a, w, h, resample=Image.BICUBIC):
    img = Image.fromarray(np.ascontiguousarray(a, np.float32), "F")
    return np.asarray(img.resize((w, h), resample), np.float32)


def fbm(r, w, h, cells=4.0, octaves=6, gain=0.5, sx=1.0, sy=1.0, norm=True):
    """2-D fractal value noise, about 0..1. `cells` grid cells across the
    width at the first octave; sx/sy stretch the noise (sx < 1 = streaks
    along x)."""
    out = np.zeros((h, w), np.float32)
    amp, total = 1.0, 0.0
    for _ in range(octaves):
        gw = max(2, int(cells * sx) + 2)
        gh = max(2, int(cells * sy * h / w) + 2)
        out += amp * resize_f(r.random((gh, gw), np.float32), w, h)
        total += amp
        amp *= gain
        cells *= 2
    out /= total
    if norm:
        lo, hi = np.percentile(out, [0.5, 99.5])
        out = np.clip((out - lo) / max(hi - lo, 1e-6), 0, 1)
    return out


def fbm1(r, n, cells=4.0, octaves=7, gain=0.5):
    """1-D fractal noise of length n, about 0..1."""
    out = np.zeros(n, np.float32)
    amp, total = 1.0, 0.0
    for _ in range(octaves):
        g = max(2, int(cells) + 2)
        out += amp * resize_f(r.random((1, g), np.float32), n, 1)[0]
        total += amp
        amp *= gain
        cells *= 2
    out /= total
    lo, hi = out.min(), out.max()
    return (out - lo) / max(hi - lo, 1e-6)


def grid(w=W, h=H):
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    return xs, ys


def smooth(e0, e1, x):
    t = np.clip((x - e0) / (e1 - e0), 0, 1)
    return t * t * (3 - 2 * t)


def lerp(a, b, t):
    if np.ndim(t) == 2:
        t = t[..., None]
    return a + (b - a) * t


def vgrad(stops, h=H, w=W):
    """Vertical gradient from [(pos 0..1, colour), ...]."""
    pos = np.array([p for p, _ in stops], np.float32)
    cols = np.array([c for _, c in stops], np.float32)
    y = np.linspace(0, 1, h, dtype=np.float32)
    col = np.stack([np.interp(y, pos, cols[:, k]) for k in range(3)], -1)
    return np.broadcast_to(col[:, None, :], (h, w, 3)).copy()


def paint(img, mask, colour):
    """Composite colour (rgb or HxWx3) through mask (HxW, 0..1)."""
    m = mask[..., None]
    img *= 1 - m
    img += m * colour
    return img


def below(ridge, ys, soft=1.0):
    """Antialiased mask of the area below a ridge line y(x)."""
    return np.clip((ys - ridge[None, :]) / soft + 0.5, 0, 1)


def blur(a, radius):
    """Gaussian blur of an HxW or HxWx3 float array (0..1)."""
    if radius <= 0:
        return a
    if a.ndim == 3:
        return np.stack([blur(a[..., k], radius) for k in range(a.shape[2])], -1)
    h, w = a.shape
    if radius > 6:  # large radii: blur a smaller copy and scale it back up
        f = radius / 3
        sw, sh = max(2, int(w / f)), max(2, int(h / f))
        return resize_f(blur(resize_f(a, sw, sh, Image.BOX), 3), w, h)
    n = int(math.ceil(radius * 3))
    k = np.exp(-0.5 * (np.arange(-n, n + 1) / radius) ** 2).astype(np.float32)
    k /= k.sum()
    p = np.pad(a.astype(np.float32), n, mode="edge")
    out = np.zeros((h + 2 * n, w), np.float32)
    for i, kv in enumerate(k):
        out += kv * p[:, i : i + w]
    res = np.zeros((h, w), np.float32)
    for i, kv in enumerate(k):
        res += kv * out[i : i + h]
    return res


def glow(xs, ys, cx, cy, radius, power=1.0):
    d = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2) / radius
    return np.exp(-(d**power)).astype(np.float32)


def mask_from(draw_fn, w=W, h=H, scale=2, blur_px=0.0):
    """A mask drawn with PIL at `scale`x size, downsampled (antialiasing)."""
    m = Image.new("L", (w * scale, h * scale), 0)
    draw_fn(ImageDraw.Draw(m), scale)
    m = m.resize((w, h), Image.LANCZOS)
    if blur_px:
        m = m.filter(ImageFilter.GaussianBlur(blur_px))
    return np.asarray(m, np.float32) / 255


def finish(img, r, blur_px=0.85, grain=0.010, vignette=0.28, contrast=1.06, warmth=0.0):
    """Lens and sensor: slight softness, vignette, S-curve, luminance grain."""
    h, w, _ = img.shape
    img = np.clip(img, 0, 1)
    img = blur(img, blur_px)
    xs, ys = grid(w, h)
    d2 = ((xs - w / 2) / (w / 2)) ** 2 + ((ys - h / 2) / (h / 2)) ** 2
    img = img * (1 - vignette * np.clip(d2 / 2, 0, 1) ** 1.3)[..., None]
    img = np.clip(0.5 + (img - 0.5) * contrast, 0, 1)
    img = img * img * (3 - 2 * img) * 0.25 + img * 0.75  # gentle S-curve
    if warmth:
        img = img * np.array([1 + warmth, 1, 1 - warmth], np.float32)
    # Grain: mostly luminance, fine, slightly blurred (sensor noise + demosaic).
    g = blur(r.normal(0, 1, (h, w)).astype(np.float32), 0.6) * grain * 1.1
    img = img + g[..., None]
    return Image.fromarray((np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8), "RGB")


# ------------------------------------------------------- reusable pieces

def sky(xs, ys, r, top, mid, horizon_col, horizon_y, sun=None, clouds=0.0, cloud_col=None, cloud_shade=None, cloud_scale=3.0, cloud_y=1.0):
    h, w = ys.shape
    img = vgrad([(0, top), (horizon_y * 0.55 / (h), mid), (horizon_y / h, horizon_col), (1, horizon_col)], h, w)
    if sun is not None:
        sx, sy, scol, size = sun
        img += glow(xs, ys, sx, sy, size * 9, 0.8)[..., None] * scol * 0.55
        img += glow(xs, ys, sx, sy, size * 2.2, 1.2)[..., None] * scol * 0.5
        disc = np.clip(size - np.sqrt((xs - sx) ** 2 + (ys - sy) ** 2), 0, 1.5) / 1.5
        img = lerp(img, np.array([1, 0.97, 0.88], np.float32), disc)
    if clouds > 0:
        n = fbm(r, w, h, cells=cloud_scale, octaves=7, sx=0.45, sy=1.6)
        # Thinner towards the horizon (perspective), none below it.
        fade = np.clip(1 - ys / (horizon_y * cloud_y), 0, 1) ** 0.6
        cover = smooth(1 - clouds, 1 - clouds + 0.35, n) * fade
        shade = fbm(r, w, h, cells=cloud_scale * 2, octaves=5)
        cc = lerp(cloud_shade, cloud_col, np.clip(shade * 1.2 - 0.1, 0, 1))
        img = lerp(img, cc, cover * 0.92)
    return img



def add_sun(img, xs, ys, sx, sy, colour, size):
    img += glow(xs, ys, sx, sy, size * 9, 0.8)[..., None] * colour * 0.5
    img += glow(xs, ys, sx, sy, size * 2.2, 1.2)[..., None] * colour * 0.6
    disc = np.clip(size - np.sqrt((xs - sx) ** 2 + (ys - sy) ** 2), 0, 1.5) / 1.5
    return np.maximum(img, (disc * 1.3)[..., None])


def cloud_deck(img, xs, ys, r, hz, cover, lit_col, shade_col, scale=1.0, softness=0.25):
    """Cumulus on a horizontal plane seen in perspective above horizon hz."""
    h, w = ys.shape
    N = 1024
    tex = fbm(r, N, N, cells=5, octaves=7)
    dy = np.maximum(hz - ys, 1.0)
    v = 1800.0 / (dy + 30)  # distance to the cloud plane
    u = (xs - w / 2) / w * v * 0.9
    fi = u * 160 * scale + N * 0.5
    fj = v * 260 * scale
    def ref(i):
        i = np.abs(i.astype(np.int64)) % (2 * N - 2)
        return np.where(i >= N, 2 * N - 2 - i, i)
    n = tex[ref(fj), ref(fi)]
    n_up = tex[ref(fj + 6 * scale), ref(fi)]  # a little farther away = higher on screen
    dens = smooth(1 - cover, 1 - cover + softness, n)
    lit = np.clip(0.55 + (n - n_up) * 6, 0, 1)
    col = lerp(shade_col, lit_col, lit)
    near_hz = smooth(0, 60, hz - ys)
    img = lerp(img, col, dens * near_hz * 0.95)
    return img


def massif(img, xs, ys, r, cx, foot_y, height, wl, wr, colour, haze_col, haze, light=1.0):
    """A forested mountain: asymmetric dome, rough skyline, radiating gullies,
    lit from the right (light > 0) or left, hazier towards its foot."""
    h, w = ys.shape
    x = np.arange(w, dtype=np.float32)
    prof = height * np.exp(-(((x - cx) / np.where(x < cx, wl, wr)) ** 2))
    prof += height * 0.25 * np.exp(-(((x - cx + wl * 0.7) / (wl * 0.35)) ** 2))
    prof += (fbm1(r, w, cells=9, octaves=7) - 0.5) * height * 0.09 * (0.4 + prof / height)
    prof += (fbm1(r, w, cells=w / 12, octaves=3) - 0.5) * max(2.0, height * 0.012)
    top = foot_y - prof
    m = below(top, ys, 1.2) * (ys < foot_y + 2)
    dy = np.maximum(ys - (foot_y - height) + height * 0.25, 1)
    ang = (xs - cx) / dy
    n1 = fbm1(r, 8192, cells=28, octaves=5)
    idx = np.clip((ang + 8) / 16 * 8191, 0, 8191).astype(np.int32)
    gul = n1[idx] * 0.6 + 0.4 * fbm(r, w, h, cells=14, octaves=5, sx=1.5, sy=0.6)
    lit = np.clip(0.5 + light * (np.roll(gul, -5, axis=1) - gul) * 6, 0, 1)
    crowns_t = 0.6 * fbm(r, w, h, cells=w / 20, octaves=3) + 0.4 * fbm(r, w, h, cells=25, octaves=4)
    side = np.clip(light * (xs - cx) / wr, -1, 1)
    col = colour * (0.75 + 0.25 * side[..., None] + 0.5 * (lit[..., None] - 0.5)) * (0.8 + 0.4 * crowns_t[..., None])
    depth = np.clip((ys - top[None, :]) / max(height, 1), 0, 1)
    col = lerp(col, haze_col, np.clip(haze + (1 - haze) * 0.5 * depth ** 2, 0, 1))
    return paint(img, m, col)



def plane_tex(tex, xs, ys, vx, vy, f, cam_h, su, sv, off=0.0):
    """Sample a square texture on the ground plane seen in perspective:
    returns (values, depth z in metres)."""
    n = tex.shape[0]
    z = cam_h * f / np.maximum(ys - vy, 0.5)
    xw = (xs - vx) * z / f
    def ref(i):
        i = np.abs(i.astype(np.int64)) % (2 * n - 2)
        return np.where(i >= n, 2 * n - 2 - i, i)
    return tex[ref(z * sv + off), ref(xw * su + n / 2)], z


def ridge_layer(img, xs, ys, r, base_y, amp, colour, haze_col, haze, cells=3.0, peaky=0.0, tex=0.12, mist=0.0, mist_depth=200, light=None):
    """One mountain range: fractal ridge, texture, aerial perspective."""
    h, w = ys.shape
    n = fbm1(r, w, cells=cells, octaves=8)
    if peaky:
        n = n * (1 - peaky) + (1 - np.abs(2 * n - 1)) * peaky
    ridge = base_y - amp * n
    m = below(ridge, ys, 1.2)
    t = fbm(r, w, h, cells=cells * 6, octaves=6)
    col = colour[None, None, :] * (1 - tex + 2 * tex * t[..., None])
    if light is not None:
        # Slopes facing the light a little brighter.
        slope = np.gradient(ridge)[None, :] * np.ones((h, 1), np.float32)
        col = col * (1 + light * np.clip(slope, -2, 2)[..., None] * 0.2)
    col = lerp(col, haze_col, haze)
    if mist:
        depth = np.clip((ys - ridge[None, :]) / mist_depth, 0, 1)
        col = lerp(col, haze_col, depth ** 1.5 * mist)
    return paint(img, m, col), ridge


def canopy_edge(r, w, base_y, bump=26, amp=60, cells=5.0):
    """A tree-line silhouette: rounded crowns along a noisy base line."""
    x = np.arange(w, dtype=np.float32)
    line = base_y - amp * fbm1(r, w, cells=cells, octaves=5)
    top = line.copy()
    cx = 0.0
    while cx < w + bump:
        rad = bump * (0.6 + 0.9 * r.random())
        cy = np.interp(cx, x, line) - rad * (0.4 + 0.6 * r.random())
        d = rad * rad - (x - cx) ** 2
        ok = d > 0
        top[ok] = np.minimum(top[ok], cy - np.sqrt(d[ok]) + rad * 0.3)
        cx += rad * (0.7 + 0.5 * r.random())
    return top


def foliage(r, top, ys, rough=22, cells=90):
    """Mask below a tree line with ragged, leafy edges."""
    h, w = ys.shape
    n = fbm(r, w, h, cells=cells, octaves=3)
    return np.clip((ys - top[None, :] + rough * (n - 0.5) * 2) / 1.5 + 0.5, 0, 1)



def crowns(img, r, items, leaf, light=(-0.55, -0.65), dark=None, palette=None, haze_col=None, cluster=40):
    """Tree crowns seen from the side or above, painted in the given order.

    items: (cx, cy, radius, haze 0..1, colour scale) tuples; `leaf` is a pair
    of full-frame noises (fine, coarse) that make edges and surfaces leafy.
    Crowns larger than `cluster` px are painted as clumps of smaller domes."""
    h, w, _ = img.shape
    dark = rgb("#142a14") if dark is None else dark
    palette = [rgb(c) for c in ("#7f9a45", "#6d8f3a", "#8ea452", "#5f8048", "#7a9448", "#9a9650")] if palette is None else palette
    lx, ly = light
    lz = math.sqrt(max(0.05, 1 - lx * lx - ly * ly))
    fine, coarse = leaf
    for cx, cy, rad, hz, cs in items:
        lit = palette[int(r.integers(len(palette)))] * cs
        parts = [(cx, cy, rad)]
        if rad > cluster:
            parts = []
            for _ in range(int(r.integers(4, 7))):
                a = r.uniform(0, 2 * math.pi)
                dd = r.uniform(0.2, 0.5) * rad
                parts.append((cx + math.cos(a) * dd, cy + math.sin(a) * dd * 0.8, rad * r.uniform(0.45, 0.65)))
            parts.sort(key=lambda p: p[1])
            parts.append((cx, cy + rad * 0.1, rad * 0.6))
        for px, py, pr in parts:
            x0, x1 = int(max(px - pr - 3, 0)), int(min(px + pr + 3, w))
            y0, y1 = int(max(py - pr - 3, 0)), int(min(py + pr * 1.1 + 3, h))
            if x1 <= x0 or y1 <= y0:
                continue
            yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
            dx, dy = (xx - px) / pr, (yy - py) / pr
            d = np.sqrt(dx * dx + dy * dy)
            k = np.clip((pr - 20) / 60, 0, 1)
            lf = fine[y0:y1, x0:x1] * (1 - k) + (0.5 * fine[y0:y1, x0:x1] + 0.5 * coarse[y0:y1, x0:x1]) * k
            m = np.clip((1 - d + (lf - 0.5) * 0.5) * pr / 2.0, 0, 1)
            nz = np.sqrt(np.clip(1 - d * d, 0, 1))
            shade = np.clip(dx * lx + dy * ly + nz * lz, 0, 1)
            shade = np.clip(shade * (0.6 + 0.8 * lf), 0, 1.2)
            col = lerp(dark, lit, shade ** 1.3)
            if haze_col is not None:
                col = lerp(col, haze_col, hz)
            img[y0:y1, x0:x1] = lerp(img[y0:y1, x0:x1], col, m)
    return img


def water(img, xs, ys, r, horizon, tint, strength=0.75, ripple=6.0, blur_px=3.0, streaks=0.15):
    """Mirror everything above `horizon` into the water below it."""
    h, w, _ = img.shape
    hy = int(horizon)
    above = img[:hy]
    depth = h - hy
    src_rows = hy - 1 - np.arange(depth)
    src_rows = np.clip(src_rows, 0, hy - 1)
    wob = (fbm(r, w, depth, cells=3, octaves=5, sx=0.08, sy=3) - 0.5) * ripple
    wob *= (np.arange(depth, dtype=np.float32)[:, None] / depth * 3 + 0.3)
    xi = np.clip((np.arange(w)[None, :] + wob).astype(np.int32), 0, w - 1)
    yi = np.clip(src_rows[:, None] + (wob * 0.5).astype(np.int32), 0, hy - 1)
    refl = above[yi, xi]
    refl = blur(refl, blur_px)
    refl = lerp(refl, tint, 1 - strength)
    st = fbm(r, w, depth, cells=2, octaves=6, sx=0.05, sy=4)
    refl = refl * (1 - streaks + 2 * streaks * st[..., None])
    img[hy:] = refl
    return img


def person(d, x, y, hgt, s, r, arms=0.0, skirt=False, lean=0.0):
    """A standing figure silhouette, feet at (x, y), height hgt (px)."""
    x, y, hgt = x * s, y * s, hgt * s
    hw = hgt * 0.13
    head = hgt * 0.075
    hx = x + lean * hgt
    d.ellipse([hx - head, y - hgt, hx + head, y - hgt + 2 * head], fill=255)
    neck = y - hgt + 2 * head
    sh = neck + hgt * 0.03
    waist = y - hgt * 0.48
    d.polygon([(hx - hw, sh), (hx + hw, sh), (x + hw * 0.8, waist), (x - hw * 0.8, waist)], fill=255)
    if skirt:
        d.polygon([(x - hw * 0.85, waist), (x + hw * 0.85, waist), (x + hw * 1.1, y - hgt * 0.04), (x - hw * 1.1, y - hgt * 0.04)], fill=255)
        d.rectangle([x - hw * 0.6, y - hgt * 0.05, x + hw * 0.6, y], fill=255)
    else:
        lw = hw * 0.42
        d.polygon([(x - hw * 0.8, waist), (x - hw * 0.05, waist), (x - hw * 0.35, y), (x - hw * 0.35 - lw, y)], fill=255)
        d.polygon([(x + hw * 0.05, waist), (x + hw * 0.8, waist), (x + hw * 0.35 + lw, y), (x + hw * 0.35, y)], fill=255)
    aw = hw * 0.35
    for side in (-1, 1):
        ang = arms * side + (r.random() - 0.5) * 0.4
        ax, ay = hx + side * hw * 0.95, sh + aw
        ex = ax + side * math.sin(abs(ang) + 0.15) * hgt * 0.36
        ey = ay + math.cos(ang) * hgt * 0.36 * (1 if ang < 1.6 else -1)
        d.line([(ax, ay), (ex, ey)], fill=255, width=max(1, int(aw * 1.6)))
        d.ellipse([ex - aw, ey - aw, ex + aw, ey + aw], fill=255)


# ---------------------------------------------------------------- scenes

def scene_summit(r):
    """Bà Rá mountain at sunrise: a lone forested cone above a misty plain."""
    xs, ys = grid()
    hz = 1010
    img = sky(xs, ys, r, rgb("#2f4f7f"), rgb("#c98a7a"), rgb("#f6c48a"), hz,
              sun=(1720, 900, rgb("#ffd9a0"), 34), clouds=0.32,
              cloud_col=rgb("#f3b98e"), cloud_shade=rgb("#8a6d80"), cloud_scale=2.2, cloud_y=0.75)
    haze = rgb("#e8b89a")
    # Far ranges on the horizon.
    img, _ = ridge_layer(img, xs, ys, r, hz + 10, 70, rgb("#6f6a86"), haze, 0.72, cells=3, tex=0.05)
    img, _ = ridge_layer(img, xs, ys, r, hz + 60, 60, rgb("#5a5874"), haze, 0.6, cells=4, tex=0.06, mist=0.7, mist_depth=90)
    # Bà Rá: one rounded, forested massif, off-centre, with shoulders.
    x = np.arange(W, dtype=np.float32)
    prof = (640 * np.exp(-(((x - 900) / np.where(x < 900, 520, 640)) ** 2))
            + 200 * np.exp(-(((x - 430) / 240) ** 2))
            + 90 * np.exp(-(((x - 640) / 120) ** 2))
            + 120 * np.exp(-(((x - 1420) / 300) ** 2)))
    prof += (fbm1(r, W, cells=9, octaves=7) - 0.5) * 60 * (0.4 + prof / 640)
    prof += (fbm1(r, W, cells=200, octaves=3) - 0.5) * 9  # crowns on the skyline
    peak = hz + 70 - prof
    m = below(peak, ys, 1.2)
    # Gullies radiating down the flanks from the summit, lit from the right.
    dy = np.maximum(ys - (hz + 70 - 640) + 160, 1)
    ang = (xs - 900) / dy
    n1 = fbm1(r, 8192, cells=28, octaves=5)
    idx = np.clip((ang + 8) / 16 * 8191, 0, 8191).astype(np.int32)
    gul = n1[idx] * 0.6 + 0.4 * fbm(r, W, H, cells=14, octaves=5, sx=1.5, sy=0.6)
    lit = np.clip(0.5 + (np.roll(gul, -5, axis=1) - gul) * 6, 0, 1)
    crowns = 0.6 * fbm(r, W, H, cells=120, octaves=3) + 0.4 * fbm(r, W, H, cells=25, octaves=4)
    side = np.clip((xs - 900) / 700, -1, 1)
    mcol = lerp(rgb("#1f2b25"), rgb("#5d5a48"), np.clip(0.25 + 0.25 * side + 0.45 * (lit - 0.5), 0, 1))
    mcol = mcol * (0.78 + 0.44 * crowns[..., None])
    depth = np.clip((ys - peak[None, :]) / 600, 0, 1)
    mcol = lerp(mcol, haze * 0.9, 0.18 + 0.45 * depth ** 1.5)
    rim = np.clip(1 - (ys - peak[None, :]) / 6, 0, 1) * np.clip(side, 0, 1)
    mcol = lerp(mcol, rgb("#f0b070"), rim * 0.6)
    img = paint(img, m, mcol)
    # Sea of mist at the foot of the mountain.
    mist = fbm(r, W, H, cells=3, octaves=6, sx=0.3, sy=2.5)
    band = smooth(hz - 60, hz + 120, ys) * (1 - smooth(hz + 260, hz + 420, ys))
    img = lerp(img, rgb("#f2cfb0"), np.clip(band * (0.35 + 0.65 * mist), 0, 0.92))
    # Plateau below the mist, lit warm.
    img, _ = ridge_layer(img, xs, ys, r, hz + 330, 50, rgb("#3d4a3a"), rgb("#c9a58c"), 0.4, cells=4, tex=0.2, mist=0.5, mist_depth=180)
    # Foreground tree line, dark, in silhouette.
    fg = canopy_edge(r, W, 1460, bump=30, amp=130, cells=3)
    m = foliage(r, fg, ys, rough=12, cells=160)
    t = fbm(r, W, H, cells=60, octaves=4)
    fcol = rgb("#1a1f1c") * (0.85 + 0.3 * t[..., None]) + rgb("#3a2a20") * 0.25 * glow(xs, ys, 1720, 1300, 500)[..., None]
    img = paint(img, m, fcol)
    img += glow(xs, ys, 1720, 900, 900, 1.0)[..., None] * rgb("#ffb070") * 0.12
    return finish(blur(img, 0.6), r, grain=0.011, warmth=0.02)



def island(img, xs, ys, r, hz, cx, hw, hgt, colour, haze_col, haze):
    """A forested island sitting on the water line `hz`."""
    h, w = ys.shape
    x = np.arange(w, dtype=np.float32)
    prof = hgt * np.clip(1 - ((x - cx) / hw) ** 2, 0, 1) ** 0.6
    prof *= 0.75 + 0.5 * fbm1(r, w, cells=8, octaves=5)
    prof += (fbm1(r, w, cells=w / 14, octaves=3) - 0.5) * 10 * (prof > 2)
    top = hz - prof
    m = below(top, ys, 1.2) * (ys < hz) * (prof[None, :] > 1)
    t = fbm(r, w, h, cells=w / 20, octaves=4)
    depth = np.clip((ys - top[None, :]) / np.maximum(prof[None, :], 1), 0, 1)
    col = colour * (0.7 + 0.5 * t[..., None]) * (1.15 - 0.5 * depth[..., None])
    col = lerp(col, haze_col, haze)
    return paint(img, m, col)


def scene_lake(r, w=W, h=H, golden=False, mountain=True):
    """Thác Mơ lake: forested islands, hills, reflections (or the hero's
    wide golden-hour variant)."""
    xs, ys = grid(w, h)
    hz = int(h * (0.6 if golden else 0.56))
    if golden:
        img = sky(xs, ys, r, rgb("#4a6fa0"), rgb("#d9a77c"), rgb("#f4cf98"), hz)
        img = cloud_deck(img, xs, ys, r, hz, 0.42, rgb("#fbd7ae"), rgb("#8f7b86"))
        img = add_sun(img, xs, ys, w * 0.78, hz - h * 0.09, rgb("#ffdca8"), 24)
        haze = rgb("#e7c7a2")
    else:
        img = sky(xs, ys, r, rgb("#2f67b0"), rgb("#76a6dc"), rgb("#d4e4ee"), hz)
        img = cloud_deck(img, xs, ys, r, hz, 0.45, rgb("#fbfcfd"), rgb("#8e9cb0"))
        haze = rgb("#bcd0dc")
    img, _ = ridge_layer(img, xs, ys, r, hz - h * 0.015, h * 0.07, rgb("#4b6680"), haze, 0.7, cells=3, tex=0.08)
    if mountain:
        img = massif(img, xs, ys, r, w * 0.24, hz - h * 0.01, h * 0.19, w * 0.15, w * 0.2, rgb("#35523c"), haze, 0.42)
    img, _ = ridge_layer(img, xs, ys, r, hz + 2, h * 0.045, rgb("#2f4a30"), haze, 0.3, cells=5, tex=0.25, light=1.0)
    fine, coarse = fbm(r, w, h, cells=w / 9, octaves=3), fbm(r, w, h, cells=w / 30, octaves=4)
    x = np.arange(w, dtype=np.float32)
    for cx, hw, hg, hzf in ((0.5, 0.05, 0.02, 0.35), (0.42, 0.07, 0.03, 0.25), (0.66, 0.12, 0.045, 0.18), (0.9, 0.07, 0.03, 0.22)):
        items = []
        px = w * (cx - hw)
        while px < w * (cx + hw):
            f = 1 - ((px - w * cx) / (w * hw)) ** 2
            rad = h * hg * (0.35 + 0.4 * f) * r.uniform(0.7, 1.2)
            items.append((px, hz - h * hg * f ** 0.7 * 0.8 + rad * 0.2, rad, hzf, r.uniform(0.75, 1.0)))
            px += rad * r.uniform(0.5, 0.9)
        items.sort(key=lambda t: t[1])
        img = paint(img, (np.abs(xs - w * cx) < w * hw * 0.95) * (ys > hz - h * hg * 0.35) * (ys < hz),
                    lerp(rgb("#1d3320"), haze, hzf))
        img = crowns(img, r, items, (fine, coarse), haze_col=haze, cluster=10_000)
    tint = rgb("#4d6b6c") if not golden else rgb("#6b6658")
    img = water(img, xs, ys, r, hz, tint, strength=0.7, ripple=7, blur_px=2.0, streaks=0.16)
    wy = np.clip((ys - hz) / (h - hz), 0, 1) * (ys > hz)
    # Fresnel: the water shows more of its own colour close to the camera.
    img = lerp(img, tint * 0.8, wy ** 1.2 * 0.45)
    # Ripples: fine horizontal streaks, larger near the camera.
    rip = fbm(r, w, h, cells=4, octaves=7, sx=0.06, sy=8)
    img = img * (1 + (rip - 0.5)[..., None] * 0.22 * wy[..., None] ** 0.5 * (ys > hz)[..., None])
    # A thin bright line where the far shore meets the water.
    img += (np.exp(-(((ys - hz - 2) / 2.5) ** 2)) * 0.08)[..., None] * haze
    if golden:
        sx_ = w * 0.78
        path = np.exp(-(((xs - sx_) / (18 + wy * 260)) ** 2)) * (ys > hz)
        spark = smooth(0.55, 0.9, rip) * path
        img += spark[..., None] * rgb("#ffd8a0") * 0.8
    return finish(img, r, grain=0.010, vignette=0.22, warmth=0.015 if golden else 0.0)


def scene_hero(r):
    return scene_lake(r, 2400, 1200, golden=True)


def scene_forest(r):
    """Bù Gia Mập: primary-forest canopy in morning mist, seen from a ridge."""
    xs, ys = grid()
    img = vgrad([(0, rgb("#97adbb")), (0.3, rgb("#cfd8d8")), (1, rgb("#e2e5dc"))])
    mist = rgb("#dde3de")
    leaf = (fbm(r, W, H, cells=260, octaves=3), fbm(r, W, H, cells=70, octaves=4))
    # Far hills, barely visible through the haze.
    img, _ = ridge_layer(img, xs, ys, r, 520, 120, rgb("#55706a"), mist, 0.8, cells=3, tex=0.05)
    img, _ = ridge_layer(img, xs, ys, r, 600, 110, rgb("#4a6a55"), mist, 0.68, cells=4, tex=0.08, mist=0.8, mist_depth=120)
    x = np.arange(W, dtype=np.float32)
    # Rows of crowns, far to near; each row follows a rolling hill line.
    rows = []
    y = 560.0
    while y < H + 120:
        t = (y - 560) / (H - 560)
        rad = 14 + 150 * t ** 1.7
        line = y + (fbm1(r, W, cells=2.5, octaves=4) - 0.5) * (60 + 120 * t)
        rows.append((y, rad, line, t))
        y += rad * 0.75
    for y, rad, line, t in rows:
        under = lerp(rgb("#1b2e1c"), mist, np.clip(0.75 - t * 0.9, 0, 0.8))
        img = paint(img, below(line + rad * 0.35, ys, 2.0), under)
        items = []
        cx = -rad * r.random()
        while cx < W + rad:
            rr = rad * r.uniform(0.65, 1.3)
            cy = np.interp(cx, x, line) + r.normal(0, rad * 0.15)
            if r.random() < 0.04:  # an emergent giant above the canopy
                rr *= 1.6
                cy -= rr * 0.9
            items.append((cx, cy, rr, np.clip(0.72 - t * 0.9, 0, 0.8), r.uniform(0.8, 1.15)))
            cx += rr * r.uniform(0.7, 1.1)
        img = crowns(img, r, items, leaf, haze_col=mist)
        # Mist pooling in the hollows behind the next row.
        if t < 0.8:
            band = np.exp(-(((ys - y - rad * 1.2) / (rad * 1.6)) ** 2))
            wisp = fbm(r, W, H, cells=4, octaves=5, sx=0.4, sy=2)
            img = lerp(img, mist, band * smooth(0.3, 0.9, wisp) * (0.55 - 0.4 * t))
    return finish(img, r, grain=0.010, vignette=0.2, contrast=1.05)


def scene_road(r):
    """Lộc Ninh: a red-earth road curving between rubber rows and scrub."""
    xs, ys = grid()
    vx, vy, f, cam = 1180, 760, 1500.0, 1.6
    img = sky(xs, ys, r, rgb("#2a5fae"), rgb("#6d9ed6"), rgb("#cfe0ec"), vy)
    img = cloud_deck(img, xs, ys, r, vy, 0.5, rgb("#fbfcfd"), rgb("#9aa6b8"), scale=0.8)
    haze = rgb("#bfd0da")
    img, _ = ridge_layer(img, xs, ys, r, vy + 3, 34, rgb("#4d6a62"), haze, 0.65, cells=4, tex=0.1)
    gtex = fbm(r, 1024, 1024, cells=120, octaves=5)
    g, z = plane_tex(gtex, xs, ys, vx, vy, f, cam, 22, 22)
    ground = lerp(rgb("#8a9446"), rgb("#3d5b25"), g) * (0.85 + 0.3 * fbm(r, W, H, cells=10, octaves=4))[..., None]
    ground = lerp(ground, haze, np.clip(z / 260, 0, 1) ** 0.7 * 0.7)
    img = paint(img, (ys >= vy).astype(np.float32) * 1.0, ground)
    # The road: its centre line curves with distance.
    zz = z
    def centre_x(zv):
        return 2.2 * np.sin(zv / 28.0) + 0.02 * zv
    cx_w = centre_x(zz)
    xw = (xs - vx) * zz / f
    u = (xw - cx_w) / 3.2
    rtex, _ = plane_tex(fbm(r, 1024, 1024, cells=60, octaves=6), xs, ys, vx, vy, f, cam, 70, 40)
    road = lerp(rgb("#c56a3e"), rgb("#8c4024"), rtex) * (0.85 + 0.3 * fbm(r, W, H, cells=12, octaves=4))[..., None]
    for rc in (-0.45, 0.45):
        rut = np.exp(-(((u - rc) / 0.12) ** 2))
        road = road * (1 - 0.2 * rut[..., None])
    road = lerp(road, rgb("#7f7436"), smooth(0.8, 1.05, np.abs(u)) * 0.6)
    road = lerp(road, haze, np.clip(zz / 260, 0, 1) ** 0.7 * 0.6)
    inroad = np.clip((1.05 - np.abs(u)) * 3.2 * f / zz, 0, 1) * (ys > vy)
    img = paint(img, inroad, road)
    ptex, _ = plane_tex(fbm(r, 1024, 1024, cells=12, octaves=4), xs, ys, vx, vy, f, cam, 20, 8)
    pm = smooth(0.84, 0.87, ptex) * inroad * (np.abs(u) < 0.7) * (zz < 45) * (zz > 9)
    refl = img[np.clip(2 * vy - ys.astype(np.int32) - 40, 0, H - 1), xs.astype(np.int32)]
    img = paint(img, pm, lerp(refl * 0.85, rgb("#7a3a22"), 0.3))
    # Trees: rubber rows on the right, scrub and cashew on the left.
    fine, coarse = fbm(r, W, H, cells=240, octaves=3), fbm(r, W, H, cells=70, octaves=4)
    trees = []
    for zi in range(140):
        zt = 3.0 + zi * 1.6
        base = centre_x(zt)
        for lat in (6.5, 10.5, 14.5):  # rubber rows, 4 m apart
            trees.append((zt + r.uniform(-0.2, 0.2), base + lat, 6.2, 3.3, "rubber"))
        if r.random() < 0.5:
            trees.append((zt, base - r.uniform(6, 30), 0, r.uniform(2.2, 3.6), "scrub"))
    trees.sort(key=lambda t: -t[0])
    # The shaded inside of the plantation, seen between the trunks.
    dxr = np.maximum(xs - vx - 0.02 * 1500, 1)
    inside = ((ys > vy - 0.72 * dxr) & (ys < vy + 2) & (xs > vx + 30)).astype(np.float32)
    litter = (((xs - vx) * zz / f - cx_w) > 4.5) * (ys > vy)
    ltex = lerp(rgb("#6a4a2c"), rgb("#3a2a1a"), rtex) * (0.7 + 0.6 * smooth(0.55, 0.7, fbm(r, W, H, cells=30, octaves=5)))[..., None]
    img = paint(img, blur(litter.astype(np.float32), 1.5), lerp(ltex, haze, np.clip(zz / 200, 0, 1) ** 0.7 * 0.7))
    icol = lerp(rgb("#4b5842") * (0.75 + 0.5 * fbm(r, W, H, cells=60, octaves=4))[..., None], haze, np.clip(1 - dxr / 700, 0, 1) ** 1.5 * 0.8)
    img = paint(img, blur(inside, 2), icol)
    items = []
    for zt, xw_, th, cr, kind in trees:
        sx = vx + xw_ * f / zt
        gy = vy + cam * f / zt
        rad = cr * f / zt
        if sx < -rad or sx > W + rad:
            continue
        hz_ = float(np.clip(zt / 220, 0, 1) ** 0.7 * 0.8)
        cy = vy - (th - cam) * f / zt if kind == "rubber" else gy - rad * 1.05
        tw = max(1.0, 0.26 * f / zt)
        if kind == "rubber":
            # Slender grey trunk up into the crown.
            x0, x1 = int(max(sx - tw - 2, 0)), int(min(sx + tw + 2, W))
            y0, y1 = int(max(cy - rad * 0.5, 0)), int(min(gy + 1, H))
            if x1 > x0 and y1 > y0:
                bx, by = xs[y0:y1, x0:x1], ys[y0:y1, x0:x1]
                twy = tw * (1 + 0.25 * np.clip((by - cy) / max(gy - cy, 1), 0, 1))
                cov = np.clip(twy / 2 + 0.5 - np.abs(bx - sx), 0, 1)
                shade = 0.45 + 0.55 * np.clip((sx - bx) / twy + 0.3, 0, 1)
                bark = 0.8 + 0.4 * coarse[y0:y1, x0:x1]
                tc = rgb("#4a423a") * (shade * bark)[..., None]
                # The tapping panel: a darker diagonal band at chest height.
                ty = gy - 1.2 * f / zt + (bx - sx) * 0.5
                tc = tc * (1 - 0.35 * np.exp(-(((by - ty) / max(1.0, 0.15 * f / zt)) ** 2)))[..., None]
                tc = lerp(tc, haze, hz_)
                img[y0:y1, x0:x1] = lerp(img[y0:y1, x0:x1], tc, cov)
        if kind == "rubber":
            parts = [(sx + dx * rad, cy - dy * rad, rad * 0.8, hz_, 0.85) for dx, dy in ((-0.6, 0.1), (0.6, 0.2), (0, 0.5), (0, 0))]
        else:
            parts = [(sx, cy, rad, hz_, 0.8)]
        img = crowns(img, r, parts, (fine, coarse), haze_col=haze)
        # Shadow at the foot.
        if gy < H and rad > 3:
            sh = glow(xs[int(gy) - 1:int(min(gy + rad * 0.4, H)), :], ys[int(gy) - 1:int(min(gy + rad * 0.4, H)), :], sx + rad * 0.3, gy, rad * 0.8, 2)
            img[int(gy) - 1:int(min(gy + rad * 0.4, H))] *= (1 - 0.35 * sh)[..., None]
    img = lerp(img, rgb("#e6c2a2"), glow(xs, ys, vx, vy + 20, 500) * 0.18)
    return finish(img, r, grain=0.010, vignette=0.25, contrast=1.05, warmth=0.01)



def scene_suoi_cam(r):
    return scene_lake(r, mountain=False)


def scene_brocade(r):
    """S'tiêng brocade close-up: woven geometric motifs, folds, shallow focus."""
    xs, ys = grid()
    p = 7.0  # thread pitch in px
    wx = (fbm(r, W, H, cells=2, octaves=4) - 0.5) * 60
    wy = (fbm(r, W, H, cells=2, octaves=4) - 0.5) * 60
    a = math.radians(-9)
    u = (xs + wx) * math.cos(a) - (ys + wy) * math.sin(a)
    v = (xs + wx) * math.sin(a) + (ys + wy) * math.cos(a) + 400
    i = np.floor(u / p).astype(np.int64)
    j = np.floor(v / p).astype(np.int64)
    fu, fv = u / p - i, v / p - j
    black, red, white, yellow, indigo = rgb("#15110f"), rgb("#a3161a"), rgb("#e8e0cc"), rgb("#d9a520"), rgb("#1d2a4a")
    col = np.zeros((H, W, 3), np.float32) + black
    # Bands (in threads): (height, ground colour, motif)
    bands = [(26, black, None), (3, red, None), (2, white, None), (14, red, "zigzag"), (2, white, None), (3, red, None),
             (40, black, "diamonds"), (3, red, None), (2, yellow, None), (10, indigo, "dots"), (2, yellow, None), (3, red, None),
             (30, black, "stars"), (3, red, None), (2, white, None), (14, red, "zigzag"), (2, white, None)]
    period = sum(b[0] for b in bands)
    jm = np.mod(j, period)
    start = 0
    for hb, ground, motif in bands:
        sel = (jm >= start) & (jm < start + hb)
        jr = jm - start
        c = np.broadcast_to(ground, col.shape).copy()
        if motif == "zigzag":
            z = np.abs(np.mod(i, 2 * (hb - 4)) - (hb - 4)) + 2
            c[np.abs(jr - z) < 1] = black
            c[np.abs(jr - z) == 1] = white
        elif motif == "diamonds":
            P = 36
            di = np.abs(np.mod(i, P) - P // 2) + np.abs(jr - hb // 2)
            c[(di >= 14) & (di <= 15)] = red
            c[(di >= 10) & (di <= 11)] = white
            c[(di >= 6) & (di <= 7)] = yellow
            c[di <= 2] = red
            hook = (np.abs(np.mod(i + P // 2, P) - P // 2) <= 1) & (np.abs(jr - hb // 2) <= 8)
            c[hook] = white
        elif motif == "dots":
            c[(np.mod(i, 6) < 2) & (np.abs(jr - hb // 2) < 2)] = white
        elif motif == "stars":
            P = 24
            ci, cj = np.mod(i, P) - P // 2, jr - hb // 2
            star = ((np.abs(ci) == np.abs(cj)) & (np.abs(ci) < 8)) | ((ci == 0) & (np.abs(cj) < 10)) | ((cj == 0) & (np.abs(ci) < 10))
            c[star] = white
            c[(np.abs(ci) + np.abs(cj) <= 2)] = yellow
        col[sel] = c[sel]
        start += hb
    # Weave: warp over weft in a plain weave; each thread rounded, fibres.
    over = np.mod(i + j, 2) == 0
    sh = np.where(over, 0.72 + 0.28 * np.sin(np.pi * fu), 0.72 + 0.28 * np.sin(np.pi * fv))
    fib = fbm(r, W, H, cells=500, octaves=2)
    col = col * (sh * (0.9 + 0.2 * fib))[..., None]
    # Folds in the cloth and soft window light from the upper left.
    fold = fbm(r, W, H, cells=2.2, octaves=3, sx=1.6, sy=0.6)
    fl = np.clip(0.5 + (np.roll(fold, 8, axis=1) - fold) * 25, 0, 1)
    col = col * (0.55 + 0.7 * fl)[..., None] * (1.15 - 0.35 * ((xs / W + ys / H) / 2))[..., None]
    col = col + glow(xs, ys, 500, 300, 900)[..., None] * 0.06
    # Shallow depth of field: sharp across the middle, soft at top and bottom.
    soft = blur(col, 6)
    focus = np.abs(ys - 950) / 560
    img = lerp(col, soft, np.clip(focus, 0, 1) ** 1.5)
    return finish(img, r, blur_px=0.8, grain=0.008, vignette=0.3, contrast=1.05, warmth=0.02)


def scene_gongs(r):
    """Bronze gongs hanging in a longhouse, warm light from the left."""
    xs, ys = grid()
    grain_ = fbm(r, W, H, cells=3, octaves=7, sx=14, sy=0.25)
    wood = lerp(rgb("#2a180d"), rgb("#5a3820"), grain_)
    seams = np.exp(-((np.mod(xs + 40 * fbm(r, W, H, cells=2, octaves=2), 230) - 2) ** 2) / 6)
    wood = wood * (1 - 0.6 * seams)[..., None]
    light = 0.22 + 0.9 * glow(xs, ys, 200, 500, 1400, 1.2)
    img = wood * light[..., None]
    # Bamboo pole.
    py = 230
    pole = np.exp(-(((ys - py) / 26) ** 8))
    pc = lerp(rgb("#6b5428"), rgb("#d8bf7a"), np.clip(1 - (ys - py + 26) / 40, 0, 1)) * (0.9 + 0.2 * np.sin(xs / 380 * 2 * np.pi) ** 40)[..., None]
    img = lerp(img, pc * light[..., None], pole)
    gongs = [(430, 335), (1000, 300), (1540, 270), (2040, 235)]
    for k, (gx, gr) in enumerate(gongs):
        gy = py + 70 + gr
        ex = 0.88  # seen a little from the side
        # Shadow on the wall.
        sh = np.clip(1 - np.sqrt(((xs - gx - 70) / (gr * ex)) ** 2 + ((ys - gy - 40) / gr) ** 2), 0, 1)
        img = img * (1 - 0.55 * blur(smooth(0, 0.05, sh), 18))[..., None]
        # Cords.
        cord = mask_from(lambda d, sc: d.line([(gx * sc - gr * 0.35 * sc, py * sc), (gx * sc, (gy - gr + 6) * sc), (gx * sc + gr * 0.35 * sc, py * sc)], fill=255, width=int(5 * sc)))
        img = lerp(img, rgb("#3a2a1a"), cord)
        dx, dy = (xs - gx) / (gr * ex), (ys - gy) / gr
        d = np.sqrt(dx * dx + dy * dy)
        ang = np.arctan2(dy, dx)
        m = np.clip((1 - d) * gr / 1.5, 0, 1)
        bronze = lerp(rgb("#5a3a12"), rgb("#c0923e"), 0.5 + 0.5 * np.cos(ang + 2.4))
        rings = 0.92 + 0.08 * np.sin(d * 95) * smooth(0.2, 0.35, d) * (1 - smooth(0.85, 0.9, d))
        hammer = 0.9 + 0.2 * fbm(r, W, H, cells=140, octaves=2)
        col = bronze * (rings * hammer)[..., None]
        # Boss in the centre, raised, with a hot highlight.
        boss = d < 0.2
        bn = np.sqrt(np.clip(1 - (d / 0.2) ** 2, 0, 1))
        bs = np.clip(-dx / 0.2 * 0.6 - dy / 0.2 * 0.5 + bn * 0.6, 0, 1)
        col = np.where(boss[..., None], lerp(rgb("#4a2e0e"), rgb("#f0cf80"), bs ** 1.5), col)
        # Rim: a thick turned edge, darker, with a bright lip on the lit side.
        rim = smooth(0.88, 0.93, d)
        col = lerp(col, rgb("#3a240c") * (0.8 + 0.9 * np.clip(np.cos(ang + 2.3), 0, 1))[..., None], rim)
        # Brushed-metal sheen: a broad anisotropic highlight.
        spec = np.exp(-(((ang + 2.2) / 0.35) ** 2)) * smooth(0.3, 0.7, d) * (1 - rim)
        col = col + spec[..., None] * rgb("#ffe2a0") * 0.45
        # Patina.
        pat = smooth(0.72, 0.85, fbm(r, W, H, cells=30, octaves=4)) * (0.6 + 0.4 * (1 - d))
        col = lerp(col, rgb("#4f6a4a"), pat * 0.12)
        img = lerp(img, col * (0.75 + 0.4 * light[..., None] / 1.2), m)
    return finish(img, r, grain=0.014, vignette=0.35, contrast=1.08, warmth=0.03)


def scene_night(r):
    """Sóc Bom Bo by night: bonfire, dancers, the longhouse in the dark."""
    xs, ys = grid()
    hz = 1000
    img = vgrad([(0, rgb("#04060f")), (0.45, rgb("#0d1326")), (hz / H, rgb("#2a2230")), (1, rgb("#120c0a"))])
    # Stars.
    n = 900
    sx_, sy_ = r.uniform(0, W, n), r.uniform(0, hz * 0.8, n) ** 1.0
    br = r.uniform(0.2, 1, n) ** 3
    stars = np.zeros((H, W), np.float32)
    stars[sy_.astype(int), sx_.astype(int)] = br
    img += blur(stars, 0.8)[..., None] * 2.5
    # Tree line and the longhouse on stilts, in silhouette.
    tl = canopy_edge(r, W, hz - 120, bump=40, amp=200, cells=2)
    img = paint(img, foliage(r, tl, ys, rough=10, cells=200), rgb("#06070a"))
    house = mask_from(lambda d, s: (
        d.polygon([(250 * s, 850 * s), (560 * s, 560 * s), (1260 * s, 560 * s), (1560 * s, 850 * s)], fill=255),
        d.rectangle([330 * s, 850 * s, 1480 * s, 960 * s], fill=255),
        [d.rectangle([(x - 7) * s, 960 * s, (x + 7) * s, 1060 * s], fill=255) for x in range(360, 1480, 110)],
        d.rectangle([700 * s, 1000 * s, 1000 * s, 1015 * s], fill=255)))
    thatch = fbm(r, W, H, cells=40, octaves=4, sx=0.3, sy=3)
    hc = rgb("#070504") * (0.7 + 0.6 * thatch)[..., None] + glow(xs, ys, 1350, 1150, 450)[..., None] * rgb("#6a2a08") * (0.4 + 0.5 * thatch)[..., None]
    img = paint(img, house, hc)
    # A doorway with lamp light.
    door = mask_from(lambda d, s: d.rectangle([820 * s, 870 * s, 880 * s, 950 * s], fill=255), blur_px=2)
    img = paint(img, door, rgb("#c9781e") * 0.8)
    # Ground lit by the fire.
    fx, fy = 1350, 1230
    ground = (ys > hz).astype(np.float32)
    gtex = fbm(r, W, H, cells=80, octaves=4, sx=1, sy=2.5)
    gl = glow(xs, (ys - fy) * 2.5 + fy, fx, fy, 650, 1.3)
    gcol = rgb("#0c0806") * (0.6 + 0.6 * gtex)[..., None] + gl[..., None] * rgb("#ff7a20") * (0.3 + 0.35 * gtex)[..., None]
    img = lerp(img, gcol, ground * smooth(hz, hz + 60, ys))
    # Dancers in a ring; those behind the fire are lit, those in front are dark.
    ring = []
    for k in range(16):
        a = 2 * math.pi * k / 16 + r.uniform(-0.1, 0.1)
        px, py_ = fx + 620 * math.cos(a), fy + 120 * math.sin(a) - 10
        ring.append((py_, px, a))
    ring.sort()
    def draw_people(subset, colour, rim):
        for py_, px, a in subset:
            hgt = 330 * (py_ / fy) ** 1.5
            pm = mask_from(lambda d, s: person(d, px, py_, hgt * r.uniform(0.88, 1.05), s, r, arms=r.uniform(0.5, 1.4), skirt=r.random() < 0.5, lean=r.uniform(-0.04, 0.04)), blur_px=1)
            pm = np.clip(pm + 0.5 * (np.roll(pm, 9, axis=1) + np.roll(pm, -9, axis=1)), 0, 1)  # dancing: motion blur
            pm = blur(pm, 2.5)
            side = np.clip((fx - xs) / 500, -1, 1)
            c = colour + rim * np.clip(np.abs(side) * 0.6, 0, 1)[..., None] * glow(xs, ys, fx, fy - 150, 900)[..., None]
            img[:] = paint(img, pm, c)
    draw_people([p for p in ring if p[0] < fy - 20], rgb("#1c0c07"), rgb("#ff8a30") * 0.32)
    # Fire: turbulent flame tongues.
    flame_n = fbm(r, W, H, cells=18, octaves=5, sx=1.2, sy=0.35)
    hgt = np.clip((fy - ys) / 420, 0, 1)
    width = 150 * (1 - hgt) ** 0.8 + 8
    core = np.exp(-(((xs - fx - (flame_n - 0.5) * 120 * hgt) / width) ** 2)) * (1 - smooth(fy - 10, fy + 30, ys)) * (ys > fy - 460)
    inten = np.clip(core * (1.3 - hgt * 1.1) * (0.6 + 0.8 * flame_n), 0, 1.5)
    fire_col = np.stack([np.clip(inten * 2.2, 0, 1), np.clip(inten * 1.4 - 0.2, 0, 1), np.clip(inten * 1.1 - 0.6, 0, 1)], -1)
    img = img + fire_col * 1.2
    img += glow(xs, ys, fx, fy - 120, 260, 1.0)[..., None] * rgb("#ff7a20") * 0.45
    img += glow(xs, ys, fx, fy - 80, 1100, 1.0)[..., None] * rgb("#ff6a10") * 0.12
    # Logs.
    logs = mask_from(lambda d, s: [d.line([((fx + dx0) * s, (fy + 30 + dy0) * s), ((fx + dx1) * s, (fy + dy1) * s)], fill=255, width=int(26 * s))
                                   for dx0, dy0, dx1, dy1 in ((-170, 20, 60, -60), (160, 25, -70, -50), (-40, 30, 10, -90))])
    img = paint(img, logs, rgb("#1a0d06") + glow(xs, ys, fx, fy - 40, 120)[..., None] * rgb("#ff6010") * 0.8)
    # Sparks rising.
    sp = np.zeros((H, W), np.float32)
    for _ in range(220):
        x0 = fx + r.normal(0, 90)
        y0 = fy - r.uniform(200, 900)
        ln = r.uniform(4, 22)
        drift = r.normal(0, 0.3)
        for t in range(int(ln)):
            xx, yy = int(x0 + drift * t), int(y0 + t)
            if 0 <= xx < W and 0 <= yy < H:
                sp[yy, xx] = max(sp[yy, xx], 1 - t / ln)
    img += blur(sp, 1.0)[..., None] * rgb("#ffb050") * 1.6
    # Smoke.
    smoke = fbm(r, W, H, cells=5, octaves=6, sx=1.5, sy=0.7)
    smask = smooth(0.45, 0.9, smoke) * np.exp(-(((xs - fx - (fy - ys) * 0.15) / (200 + (fy - ys).clip(0) * 0.5)) ** 2)) * (ys < fy - 250)
    img = lerp(img, rgb("#5a4036"), smask * 0.35)
    draw_people([p for p in ring if p[0] >= fy - 20], rgb("#050302"), rgb("#ff8a30") * 0.7)
    return finish(blur(img, 0.8), r, blur_px=0.6, grain=0.014, vignette=0.35, contrast=1.04)



def palm(d, s, x, y, hgt, r):
    """A sugar palm (thốt nốt) silhouette: tall trunk, ball of fan leaves."""
    top = y - hgt
    d.line([(x * s, y * s), ((x + hgt * 0.03) * s, top * s)], fill=255, width=max(1, int(hgt * 0.035 * s)))
    for k in range(70):
        a = r.uniform(0, 2 * math.pi)
        ln = hgt * r.uniform(0.08, 0.17)
        ex, ey = x + hgt * 0.03 + math.cos(a) * ln, top + math.sin(a) * ln * 0.8
        d.line([((x + hgt * 0.03) * s, top * s), (ex * s, ey * s)], fill=255, width=max(1, int(hgt * 0.012 * s)))
        fan = ln * 0.5
        d.pieslice([(ex - fan) * s, (ey - fan) * s, (ex + fan) * s, (ey + fan) * s], math.degrees(a) - 60, math.degrees(a) + 60, fill=255)


def scene_rice(r):
    """Ripe rice fields before the new-rice festival, hills and sugar palms."""
    xs, ys = grid()
    vx, vy, f, cam = 1200, 700, 1600.0, 2.2
    img = sky(xs, ys, r, rgb("#3568ad"), rgb("#86afd8"), rgb("#dfe8e6"), vy)
    img = cloud_deck(img, xs, ys, r, vy, 0.5, rgb("#fdfdfb"), rgb("#a1a9b6"), scale=0.9)
    haze = rgb("#cbd6d4")
    img, _ = ridge_layer(img, xs, ys, r, vy - 10, 90, rgb("#4f6a74"), haze, 0.65, cells=3, tex=0.06)
    img, _ = ridge_layer(img, xs, ys, r, vy + 2, 50, rgb("#34502f"), haze, 0.4, cells=5, tex=0.25, light=1.0)
    # Fields on the ground plane: plots with bunds between them.
    z = cam * f / np.maximum(ys - vy, 0.5)
    xw = (xs - vx) * z / f
    zw = z + 3 * np.sin(xw / 17)
    pw, pd = 16.0, 9.0
    row = np.floor(zw / pd)
    xo = xw + row * 7.3
    col_i = np.floor(xo / pw)
    fu, fv = xo / pw - col_i, zw / pd - row
    pid = (col_i * 7919 + row * 104729).astype(np.int64)
    hsh = (np.sin(pid * 12.9898) * 43758.5453) % 1.0
    ripe = lerp(rgb("#d2aa3c"), rgb("#b89a36"), hsh)
    green = rgb("#9ea840")
    plot = lerp(ripe, green, (hsh > 0.9).astype(np.float32))
    cut = (hsh < 0.05).astype(np.float32)
    plot = lerp(plot, rgb("#8a7450"), cut)
    n = 1024
    stalk = fbm(r, n, n, cells=300, octaves=3, sx=1, sy=0.2)
    def ref(i):
        i = np.abs(i.astype(np.int64)) % (2 * n - 2)
        return np.where(i >= n, 2 * n - 2 - i, i)
    st = stalk[ref(zw * 40), ref(xw * 60 + n / 2)]
    near = fbm(r, W, H, cells=420, octaves=3, sx=1, sy=0.12)
    st = st + (near - st) * smooth(30, 8, z)
    plot = plot * (0.75 + 0.45 * st)[..., None] * (0.85 + 0.3 * fbm(r, W, H, cells=12, octaves=4))[..., None]
    # Bunds: thin grassy ridges at the plot edges (thicker near the camera).
    bw_u = 0.25 / pw * (1 + 0 * z)
    bund = np.maximum(smooth(0.3 / pd * 4, 0, np.minimum(fv, 1 - fv)), smooth(bw_u * 3, 0, np.minimum(fu, 1 - fu)) * 0.9)
    plot = lerp(plot, rgb("#5e6e2c"), bund * 0.8)
    plot = lerp(plot, haze, np.clip(z / 400, 0, 1) ** 0.6 * 0.75)
    img = paint(img, smooth(vy - 1, vy + 2, ys), plot)
    # Sugar palms and a few trees along the far bunds.
    for k in range(9):
        zt = r.uniform(40, 220)
        xt = r.uniform(-140, 160)
        sx = vx + xt * f / zt
        gy = vy + cam * f / zt
        hgt = 16 * f / zt
        hz_ = float(np.clip(zt / 300, 0, 1) ** 0.7 * 0.7)
        pm = mask_from(lambda d, s: palm(d, s, sx, gy, hgt, r), blur_px=0.6)
        img = paint(img, pm, lerp(rgb("#24301c"), haze, hz_))
    # Foreground: out-of-focus ripe panicles bending across the bottom.
    fg = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(fg)
    grains = []
    for k in range(160):
        x0 = r.uniform(-100, W + 100)
        y0 = H + 20
        ln = r.uniform(200, 620)
        bend = r.uniform(0.6, 1.4) * (1 if r.random() < 0.6 else -1)
        pts = []
        for t in np.linspace(0, 1, 24):
            pts.append((x0 + bend * ln * 0.6 * t ** 2, y0 - ln * t + ln * 0.5 * t ** 3))
        d.line(pts, fill=170, width=3)
        for t in np.linspace(0.55, 1, 14):
            px = x0 + bend * ln * 0.6 * t ** 2 + r.normal(0, 8)
            py = y0 - ln * t + ln * 0.5 * t ** 3 + r.normal(0, 8)
            d.ellipse([px - 7, py - 4, px + 7, py + 4], fill=255)
    fgm = blur(np.asarray(fg, np.float32) / 255, 4)
    fcol = lerp(rgb("#7a6420"), rgb("#f2cf6a"), fbm(r, W, H, cells=20, octaves=3))
    img = paint(img, np.clip(fgm * 1.3, 0, 1), fcol)
    return finish(img, r, grain=0.010, vignette=0.25, contrast=1.05, warmth=0.02)


def scene_pagoda(r):
    """From the summit of Bà Rá at dawn: the shrine's eaves above a sea of clouds."""
    xs, ys = grid()
    hz = 860
    img = sky(xs, ys, r, rgb("#3a4f80"), rgb("#b58aa0"), rgb("#f3c9a4"), hz)
    img = add_sun(img, xs, ys, 1500, hz - 40, rgb("#ffd6a0"), 22)
    haze = rgb("#e8c6b4")
    img, _ = ridge_layer(img, xs, ys, r, hz + 20, 60, rgb("#6d6a8a"), haze, 0.72, cells=3, tex=0.05)
    # Sea of clouds: lit tops, blue shadows in the troughs.
    cl = fbm(r, W, H, cells=5, octaves=7, sx=0.5, sy=2.2)
    lit = np.clip(0.5 + (np.roll(cl, 6, axis=0) - cl) * 7, 0, 1)
    ccol = lerp(rgb("#9c90ae"), rgb("#fbe3cc"), lit) * (0.85 + 0.25 * cl)[..., None]
    ccol = lerp(ccol, haze, np.clip(1 - (ys - hz) / 400, 0, 1) * 0.6)
    img = paint(img, smooth(hz - 5, hz + 40, ys + (cl - 0.5) * 60), ccol)
    # Ridges poking out of the clouds.
    img, _ = ridge_layer(img, xs, ys, r, hz + 140, 120, rgb("#3b4658"), haze, 0.45, cells=2.5, tex=0.12, mist=0.9, mist_depth=60)
    img = paint(img, smooth(hz + 120, hz + 200, ys + (cl - 0.5) * 120) * 0.85, ccol)
    # Foreground: the summit's rocks and trees, and the shrine's curved roof.
    rocks = canopy_edge(r, W, 1450, bump=60, amp=140, cells=3)
    img = paint(img, foliage(r, rocks, ys, rough=10, cells=150), rgb("#16140f") * (0.8 + 0.4 * fbm(r, W, H, cells=80, octaves=3))[..., None])
    def roof(d, s):
        def eave(y, x0, x1, lift, thick):
            pts = []
            for t in np.linspace(0, 1, 40):
                x = x0 + (x1 - x0) * t
                curl = lift * ((abs(t - 0.5) * 2) ** 4)
                pts.append((x * s, (y - curl) * s))
            bottom = [(p[0], p[1] + thick * s) for p in reversed(pts)]
            d.polygon(pts + bottom, fill=255)
        d.polygon([(-50 * s, 900 * s), (620 * s, 760 * s), (980 * s, 1010 * s), (-50 * s, 1060 * s)], fill=255)
        eave(1000, -120, 1020, 120, 36)
        for px in (60, 300, 540, 800):
            d.rectangle([px * s, 1030 * s, (px + 44) * s, 1600 * s], fill=255)
        d.rectangle([40 * s, 1030 * s, 860 * s, 1075 * s], fill=255)
        d.rectangle([0, 1380 * s, 880 * s, 1600 * s], fill=255)
        d.polygon([(100 * s, 700 * s), (560 * s, 560 * s), (800 * s, 760 * s), (100 * s, 800 * s)], fill=255)
        eave(760, 20, 880, 100, 30)
        d.rectangle([560 * s, 500 * s, 580 * s, 570 * s], fill=255)
        d.ellipse([548 * s, 470 * s, 592 * s, 514 * s], fill=255)
    rm = mask_from(roof)
    tiles = 0.8 + 0.4 * (np.mod(xs + ys * 0.3, 22) < 3)
    rcol = rgb("#1b120e") * tiles[..., None] + glow(xs, ys, 1500, 820, 900)[..., None] * rgb("#ff9a50") * 0.18
    img = paint(img, rm, rcol)
    # Lanterns glowing under the eaves.
    # Inside the shrine: a dim altar glow between the pillars.
    inside = mask_from(lambda d, s: d.rectangle([40 * s, 1075 * s, 860 * s, 1380 * s], fill=255))
    img = paint(img, inside * (1 - rm), rgb("#1c0f09") + glow(xs, ys, 450, 1320, 220)[..., None] * rgb("#ff7a30") * 0.4)
    for lx in (180, 420, 660):
        lan = mask_from(lambda d, s: (d.line([(lx * s, 1075 * s), (lx * s, 1110 * s)], fill=255, width=2 * s), d.ellipse([(lx - 16) * s, 1108 * s, (lx + 16) * s, 1150 * s], fill=255)))
        img = paint(img, lan, rgb("#c8281a") + glow(xs, ys, lx, 1128, 20)[..., None] * rgb("#ffb060") * 0.6)
        img += glow(xs, ys, lx, 1128, 90, 1.0)[..., None] * rgb("#ff6a2a") * 0.18
    return finish(img, r, grain=0.011, vignette=0.3, contrast=1.05, warmth=0.02)


SCENES = {
    "pagoda": ("content/tourism/nui-ba-ra/pagoda.jpg", scene_pagoda, 110, (11.836, 106.997), "2025:01:11 06:21:40"),
    "rice": ("static/images/lua-chin.jpg", scene_rice, 111, (11.902, 106.763), "2024:10:19 16:05:12"),
    "lake": ("static/images/ho-thac-mo.jpg", scene_lake, 102, (11.868, 107.021), "2025:02:02 09:41:05"),
    "hero": ("static/images/hero.jpg", scene_hero, 103, (11.851, 107.010), "2025:01:18 17:22:48"),
    "forest": ("static/images/rung-bu-gia-map.jpg", scene_forest, 104, (12.152, 107.186), "2024:12:07 06:35:51"),
    "suoi-cam": ("static/images/ho-suoi-cam.jpg", scene_suoi_cam, 106, (11.545, 106.886), "2024:11:23 15:47:09"),
    "brocade": ("static/images/tho-cam.jpg", scene_brocade, 107, (11.792, 106.940), "2025:04:04 14:03:26"),
    "gongs": ("static/images/cong-chieng.jpg", scene_gongs, 108, (11.781, 107.102), "2025:04:05 19:20:44"),
    "night": ("static/images/soc-bom-bo.jpg", scene_night, 109, (11.834, 106.969), "2025:01:04 20:31:57"),
    "road": ("static/images/duong-dat-do-loc-ninh.jpg", scene_road, 105, (11.835, 106.598), "2025:03:09 10:12:37"),
    "summit": ("content/tourism/nui-ba-ra/summit.jpg", scene_summit, 101, (11.834, 106.998), "2025:01:11 05:58:12"),
}


# ------------------------------------------------------------------ EXIF

def exif_for(img, lat, lon, when, seed):
    def dms(v):
        v = abs(v)
        d = int(v)
        m = int((v - d) * 60)
        s = round(((v - d) * 60 - m) * 60 * 100)
        return ((d, 1), (m, 1), (s, 100))

    thumb = img.copy()
    thumb.thumbnail((160, 120))
    tb = io.BytesIO()
    thumb.save(tb, "JPEG", quality=70)
    w, h = img.size
    zeroth = {
        piexif.ImageIFD.Make: b"samsung",
        piexif.ImageIFD.Model: b"Galaxy A54 5G",
        piexif.ImageIFD.Orientation: 1,
        piexif.ImageIFD.XResolution: (72, 1),
        piexif.ImageIFD.YResolution: (72, 1),
        piexif.ImageIFD.ResolutionUnit: 2,
        piexif.ImageIFD.Software: b"A546EXXU9CXK2",
        piexif.ImageIFD.DateTime: when.encode(),
        piexif.ImageIFD.YCbCrPositioning: 1,
    }
    exif = {
        piexif.ExifIFD.ExposureTime: (1, [60, 120, 250, 500][seed % 4]),
        piexif.ExifIFD.FNumber: (18, 10),
        piexif.ExifIFD.ExposureProgram: 2,
        piexif.ExifIFD.ISOSpeedRatings: [50, 64, 100, 200, 640][seed % 5],
        piexif.ExifIFD.ExifVersion: b"0220",
        piexif.ExifIFD.DateTimeOriginal: when.encode(),
        piexif.ExifIFD.DateTimeDigitized: when.encode(),
        piexif.ExifIFD.OffsetTime: b"+07:00",
        piexif.ExifIFD.OffsetTimeOriginal: b"+07:00",
        piexif.ExifIFD.ShutterSpeedValue: (790, 100),
        piexif.ExifIFD.ApertureValue: (169, 100),
        piexif.ExifIFD.BrightnessValue: (512, 100),
        piexif.ExifIFD.ExposureBiasValue: (0, 100),
        piexif.ExifIFD.MaxApertureValue: (169, 100),
        piexif.ExifIFD.MeteringMode: 2,
        piexif.ExifIFD.Flash: 0,
        piexif.ExifIFD.FocalLength: (550, 100),
        piexif.ExifIFD.ColorSpace: 1,
        piexif.ExifIFD.PixelXDimension: w,
        piexif.ExifIFD.PixelYDimension: h,
        piexif.ExifIFD.ExposureMode: 0,
        piexif.ExifIFD.WhiteBalance: 0,
        piexif.ExifIFD.DigitalZoomRatio: (100, 100),
        piexif.ExifIFD.FocalLengthIn35mmFilm: 24,
        piexif.ExifIFD.SceneCaptureType: 0,
        piexif.ExifIFD.ImageUniqueID: f"MEKONGDEMO{seed:06d}".encode(),
    }
    gps = {
        piexif.GPSIFD.GPSVersionID: (2, 2, 0, 0),
        piexif.GPSIFD.GPSLatitudeRef: b"N" if lat >= 0 else b"S",
        piexif.GPSIFD.GPSLatitude: dms(lat),
        piexif.GPSIFD.GPSLongitudeRef: b"E" if lon >= 0 else b"W",
        piexif.GPSIFD.GPSLongitude: dms(lon),
        piexif.GPSIFD.GPSAltitudeRef: 0,
        piexif.GPSIFD.GPSAltitude: (180 + seed % 400, 1),
        piexif.GPSIFD.GPSTimeStamp: (((int(when[11:13]) - 7) % 24, 1), (int(when[14:16]), 1), (int(when[17:19]), 1)),
        piexif.GPSIFD.GPSDateStamp: when[:10].encode(),
    }
    first = {
        piexif.ImageIFD.Compression: 6,
        piexif.ImageIFD.XResolution: (72, 1),
        piexif.ImageIFD.YResolution: (72, 1),
        piexif.ImageIFD.ResolutionUnit: 2,
    }
    return piexif.dump({"0th": zeroth, "Exif": exif, "GPS": gps, "1st": first, "thumbnail": tb.getvalue()})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", help=f"scenes to render (default all): {', '.join(SCENES)}")
    ap.add_argument("--preview", metavar="DIR", help="also write half-size PNG previews here")
    args = ap.parse_args()
    names = args.names or list(SCENES)
    total = 0
    for name in names:
        path, fn, seed, (lat, lon), when = SCENES[name]
        img = fn(np.random.default_rng(seed))
        out = ROOT / path
        out.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=85, optimize=True, exif=exif_for(img, lat, lon, when, seed))
        out.write_bytes(buf.getvalue())
        total += len(buf.getvalue())
        print(f"{path:45} {img.size[0]}x{img.size[1]} {len(buf.getvalue()) // 1024:5} KB", flush=True)
        if args.preview:
            Path(args.preview).mkdir(parents=True, exist_ok=True)
            img.resize((img.size[0] // 2, img.size[1] // 2), Image.LANCZOS).save(Path(args.preview) / f"{name}.png")
    print(f"{'total':45} {total // 1024:5} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
