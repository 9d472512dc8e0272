package pdf

// QRModules returns the side, in modules and with the quiet zone, of the
// QR code Write draws for data (encoded at level M, as Write encodes it),
// or 0 when data is too long for a QR code. It lets a layout size a code
// without predicting the encoder. The code is kept for Write (encodeQR).
func (f *Fonts) QRModules(data string) int {
	code, err := encodeQR(data)
	if err != nil {
		return 0
	}
	return code.Size + 2*quietZone
}
