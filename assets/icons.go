// Package assets holds Pingwise's icons and other embedded files.
//
// The tray icons are drawn here rather than shipped as images: the system
// tray wants PNG, at whatever size the panel asks, and drawing keeps the four
// states consistent. Each is a coloured disc with a white glyph, so it reads
// on light and dark panels alike, and the glyph differs by state so colour is
// never the only cue.
package assets

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

//go:generate go run ./gen

// IconSize is the side of icon.png, the packaged application icon.
const IconSize = 512

// Icon states, matching focus.State's values.
const (
	Idle     = "idle"
	Focusing = "focusing"
	Paused   = "paused"
	OnBreak  = "break"
)

var (
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	discs = map[string]color.NRGBA{
		Idle:     {0x6b, 0x72, 0x80, 0xff}, // slate: nothing running
		Focusing: {0x0d, 0x94, 0x88, 0xff}, // teal
		Paused:   {0xd9, 0x77, 0x06, 0xff}, // amber
		OnBreak:  {0x25, 0x63, 0xeb, 0xff}, // blue
	}
)

// shape says what colour a point (x, y in -1..1, y down) of an icon has.
type shape func(x, y float64) (color.NRGBA, bool)

func disc(c color.NRGBA, glyph func(x, y float64) bool) shape {
	return func(x, y float64) (color.NRGBA, bool) {
		if x*x+y*y > 0.94*0.94 {
			return color.NRGBA{}, false
		}
		if glyph(x, y) {
			return white, true
		}
		return c, true
	}
}

var glyphs = map[string]func(x, y float64) bool{
	// A single dot: a ping, waiting.
	Idle: func(x, y float64) bool { return math.Hypot(x, y) < 0.3 },
	// A target: focus on one thing.
	Focusing: func(x, y float64) bool {
		r := math.Hypot(x, y)
		return (r > 0.46 && r < 0.62) || r < 0.26
	},
	// Two bars.
	Paused: func(x, y float64) bool {
		return math.Abs(y) < 0.46 && (math.Abs(x+0.22) < 0.12 || math.Abs(x-0.22) < 0.12)
	},
	// A crescent: rest.
	OnBreak: func(x, y float64) bool {
		return math.Hypot(x+0.06, y) < 0.52 && math.Hypot(x-0.18, y-0.14) > 0.42
	},
}

// draw renders s at size×size pixels, 4×4 samples a pixel for smooth edges.
func draw(s shape, size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const n = 4
	for py := range size {
		for px := range size {
			var r, g, b, a float64
			for sy := range n {
				for sx := range n {
					x := (float64(px)+(float64(sx)+0.5)/n)/float64(size)*2 - 1
					y := (float64(py)+(float64(sy)+0.5)/n)/float64(size)*2 - 1
					if c, ok := s(x, y); ok {
						r, g, b, a = r+float64(c.R), g+float64(c.G), b+float64(c.B), a+1
					}
				}
			}
			if a > 0 {
				img.SetNRGBA(px, py, color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(a / n / n * 255)})
			}
		}
	}
	return img
}

// TrayIcon returns the tray icon for a state as a PNG; an unknown state
// gets the idle icon.
func TrayIcon(state string) []byte {
	g, ok := glyphs[state]
	if !ok {
		state, g = Idle, glyphs[Idle]
	}
	return encode(draw(disc(discs[state], g), 64))
}

// AppIcon returns the application icon as a PNG of the given size.
func AppIcon(size int) []byte {
	return encode(draw(disc(discs[Focusing], glyphs[Focusing]), size))
}

func encode(img image.Image) []byte {
	var buf bytes.Buffer
	_ = png.Encode(&buf, img) // encoding to memory cannot fail
	return buf.Bytes()
}
