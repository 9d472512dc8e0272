package layout

// Shift returns the items moved by dx, dy, every position rounded with
// Round; the items themselves are not changed.
func Shift(items []Item, dx, dy float64) []Item {
	out := make([]Item, len(items))
	for i, it := range items {
		switch v := it.(type) {
		case Text:
			out[i] = moved(&v, &v.X, &v.Y, dx, dy)
		case Rect:
			out[i] = moved(&v, &v.X, &v.Y, dx, dy)
		case QR:
			out[i] = moved(&v, &v.X, &v.Y, dx, dy)
		case Link:
			out[i] = moved(&v, &v.X, &v.Y, dx, dy)
		case Line:
			v.X1, v.Y1, v.X2, v.Y2 = Round(v.X1+dx), Round(v.Y1+dy), Round(v.X2+dx), Round(v.Y2+dy)
			out[i] = v
		case Polygon:
			pts := make([]Point, len(v.Points))
			for j, p := range v.Points {
				pts[j] = Point{Round(p.X + dx), Round(p.Y + dy)}
			}
			v.Points = pts
			out[i] = v
		case Bookmark:
			v.Y = Round(v.Y + dy)
			out[i] = v
		default:
			out[i] = it
		}
	}
	return out
}

// moved returns *v with its position, at *x and *y (fields of *v), moved by
// dx, dy and rounded.
func moved[T Item](v *T, x, y *float64, dx, dy float64) Item {
	*x, *y = Round(*x+dx), Round(*y+dy)
	return *v
}
