package app

import "errors"

var errStatsMissing = errors.New("the Weekly focus window is not part of this build yet; use pingwise stats")
