package web

import (
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

var _ *gin.Context
var _ echo.Context
