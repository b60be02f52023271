package advisor

import (
	"math"
	"strconv"
)

// Sentence says what the choice costs in plain words, for example
// "A 30-minute call with 4 people costs 2 h plus 1.5 h of refocus; writing it
// instead costs about 15 min." People and minutes are those of the Situation
// the cost came from; zero minutes means the same default Advise used.
func (c Cost) Sentence(people, minutes int) string {
	people = max(people, 1)
	if minutes <= 0 {
		minutes = defaultMinutes(people)
	}
	who := strconv.Itoa(people) + " people"
	if people == 1 {
		who = "1 person"
	}
	return "A " + strconv.Itoa(minutes) + "-minute call with " + who + " costs " +
		duration(float64(people)*float64(minutes)) + " plus " + duration(c.RefocusMinutesSavedIfAsync) +
		" of refocus; writing it instead costs about " + duration(c.AsyncPersonMinutes) + "."
}

// duration rounds person-minutes the way a person would say them: whole
// minutes under an hour, hours to one decimal above.
func duration(m float64) string {
	if m < 59.5 {
		return strconv.Itoa(int(math.Round(m))) + " min"
	}
	return strconv.FormatFloat(math.Round(m/6)/10, 'f', -1, 64) + " h"
}
